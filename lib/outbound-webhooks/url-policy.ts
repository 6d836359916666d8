import "server-only";
// Where outbound webhooks may go. An endpoint URL is checked when it is added and again before
// every delivery, after DNS: a name that resolved to a public address when it was added may
// point at 127.0.0.1 or the cloud metadata address by the time we send. Private, loopback,
// link-local and reserved addresses are refused (lib/net/public-address.ts), and so is plain
// http in production; OUTBOUND_WEBHOOKS_ALLOW_PRIVATE=true lifts both for development and tests.
import { env } from "@/lib/env";
import { ipLiteralOf, isPublicAddress } from "@/lib/net/public-address";
import { AddressRefusedError, type ResolvedAddress, vetHost } from "@/lib/net/vetted-addresses";

export type EndpointUrlRules = { allowPrivate: boolean; requireHttps: boolean };

export function endpointUrlRules(): EndpointUrlRules {
  const allowPrivate = env.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE;
  return { allowPrivate, requireHttps: env.NODE_ENV === "production" && !allowPrivate };
}

/** What is wrong with the URL as written (before any lookup), or null. */
export function endpointUrlProblem(value: string, rules: EndpointUrlRules): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be a valid URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an https URL";
  if (rules.requireHttps && url.protocol !== "https:") return "must be an https URL";
  if (url.username || url.password) return "must not contain credentials";
  const literal = ipLiteralOf(url.hostname);
  if (!rules.allowPrivate && literal !== null && !isPublicAddress(literal)) return PRIVATE_ADDRESS;
  return null;
}

export const PRIVATE_ADDRESS =
  "must point to a public address (private, loopback, link-local and reserved addresses are refused)";
export const RESOLVES_PRIVATE = "resolves to a private, loopback, link-local or reserved address";

/**
 * Resolves the URL's host and returns its addresses when every one may be contacted; throws
 * AddressRefusedError or UnresolvedHostError (lib/net/vetted-addresses.ts) otherwise.
 */
export function vetEndpointHost(
  url: URL,
  rules: EndpointUrlRules,
  signal?: AbortSignal,
): Promise<ResolvedAddress[]> {
  return vetHost(
    url.hostname,
    { isAllowedAddress: rules.allowPrivate ? () => true : isPublicAddress },
    signal,
  );
}

export { AddressRefusedError };
