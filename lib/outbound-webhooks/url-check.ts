import "server-only";
// The check of an endpoint URL when it is added: as written, then its host resolved. Bad
// URLs are a 422 naming the `url` field, and nothing is stored.
import { AppError } from "@/lib/errors";
import { UnresolvedHostError } from "@/lib/net/vetted-addresses";
import {
  AddressRefusedError,
  endpointUrlProblem,
  endpointUrlRules,
  RESOLVES_PRIVATE,
  vetEndpointHost,
} from "@/lib/outbound-webhooks/url-policy";

const LOOKUP_TIMEOUT_MS = 5_000;

export async function assertEndpointUrl(value: string): Promise<void> {
  const rules = endpointUrlRules();
  const problem = endpointUrlProblem(value, rules);
  if (problem) throw refused(`url ${problem}.`);
  const url = new URL(value);
  try {
    await vetEndpointHost(url, rules, AbortSignal.timeout(LOOKUP_TIMEOUT_MS));
  } catch (error) {
    if (error instanceof AddressRefusedError) throw refused(`url: ${url.hostname} ${RESOLVES_PRIVATE}.`);
    if (error instanceof UnresolvedHostError) throw refused(`url: ${url.hostname} could not be resolved.`);
    throw refused(`url: ${url.hostname} could not be resolved in time.`);
  }
}

function refused(message: string): AppError {
  return new AppError("unprocessable", message, { field: "url" });
}
