// Who is on the other end of a request, for rate limits, lockouts, session records and
// whether the browser reached us over https.
//
// The peer is the socket's address (lib/auth/peer-address.ts). X-Forwarded-For and
// X-Forwarded-Proto are believed only when that peer is one of TRUSTED_PROXIES: then the
// client is the right-most X-Forwarded-For entry that is not itself a trusted proxy (the
// entries to its left are whatever the client sent). On Vercel the edge overwrites the
// forwarding headers and adds x-vercel-forwarded-for / x-real-ip, which are used as is.
import { BlockList, isIP } from "node:net";
import { PEER_ADDRESS_HEADER, peerAddressInstalled } from "@/lib/auth/peer-address";
import { env } from "@/lib/env";

type HasHeaders = { headers: Headers };

const onVercel = () => env.VERCEL === "1";

let trusted: BlockList | null | undefined;

function trustedProxies(): BlockList | null {
  if (trusted !== undefined) return trusted;
  trusted = env.TRUSTED_PROXIES.length ? new BlockList() : null;
  for (const entry of env.TRUSTED_PROXIES) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) trusted?.addAddress(address, family);
    else trusted?.addSubnet(address, Number(prefix), family);
  }
  return trusted;
}

/** An address as the socket or a proxy wrote it, made comparable: IPv4-mapped IPv6 becomes IPv4. */
export function normalizeAddress(value: string | null | undefined): string | null {
  const address = value?.trim().replace(/^\[(.*)\]$/, "$1") ?? "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const plain = mapped?.[1] ?? address;
  return isIP(plain) ? plain : null;
}

function isTrusted(address: string | null): boolean {
  const list = trustedProxies();
  if (!list || !address) return false;
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

function forwardedFor(headers: Headers): string[] {
  return (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim());
}

/**
 * The socket's address. Without the stamp (a server that did not run instrumentation.ts) the
 * best left is the entry Next adds from the socket when the client sent no X-Forwarded-For.
 */
function peerAddress(headers: Headers): string | null {
  if (peerAddressInstalled()) return normalizeAddress(headers.get(PEER_ADDRESS_HEADER));
  return normalizeAddress(forwardedFor(headers).at(-1));
}

export function clientIp(req: HasHeaders): string | null {
  const { headers } = req;
  if (onVercel())
    return (
      normalizeAddress(headers.get("x-vercel-forwarded-for")?.split(",")[0]) ??
      normalizeAddress(headers.get("x-real-ip"))
    );
  const peer = peerAddress(headers);
  if (!isTrusted(peer)) return peer;
  let nearest = peer;
  for (const entry of forwardedFor(headers).reverse()) {
    const hop = normalizeAddress(entry);
    // Garbage where an address should be: the last hop we could vouch for is all we know.
    if (!hop) return nearest;
    if (!isTrusted(hop)) return hop;
    nearest = hop;
  }
  return nearest;
}

/** Whether a proxy we believe says the browser used https. */
export function forwardedHttps(req: HasHeaders): boolean {
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (proto !== "https") return false;
  return onVercel() || isTrusted(peerAddress(req.headers));
}
