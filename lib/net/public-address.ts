// Which IP addresses a URL someone pasted may make the server connect to: public unicast only.
// Refused: loopback, private (10/8, 172.16/12, 192.168/16), link-local (169.254/16, where cloud
// metadata lives; fe80::/10), CGNAT 100.64/10, 0/8 and ::, multicast, broadcast, documentation,
// benchmarking and other reserved blocks (ipaddr.js names them all), IPv6 unique-local fc00::/7,
// and any IPv6 outside global unicast 2000::/3 (which also catches the old IPv4-compatible
// `::a.b.c.d`). IPv6 forms that carry an IPv4 address (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96,
// 6to4 2002::/16) are judged by that IPv4 address; the other translation and tunnel forms
// (RFC 6145, local-use NAT64, Teredo) are refused outright. Deciding is fail-closed: only what
// the library calls "unicast" passes. Odd IPv4 spellings (2130706433, 0177.0.0.1, 0x7f.1) never
// reach this module unnormalised: URL parsing turns them into dotted quads first, and anything
// `net.isIP` does not accept as canonical text is refused.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

// Global unicast IPv6: everything else (::/8, 100::/64, fc00::/7, fe80::/10, ff00::/8…) is not public.
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");
// The well-known NAT64 prefix; the local-use 64:ff9b:1::/48 embeds by a prefix length we cannot know.
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR("64:ff9b::/96");

export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 0) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") return parsed.range() === "unicast";
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  if (range === "ipv4Mapped" || range === "rfc6052" || range === "6to4") {
    return embeddedIPv4(v6, range)?.range() === "unicast";
  }
  return range === "unicast" && v6.match(GLOBAL_UNICAST_V6);
}

/** The IPv4 address inside a mapped, NAT64 (well-known prefix) or 6to4 IPv6 address. */
function embeddedIPv4(v6: ipaddr.IPv6, range: string): ipaddr.IPv4 | null {
  const bytes = v6.toByteArray();
  if (range === "6to4") return new ipaddr.IPv4(bytes.slice(2, 6));
  if (range === "rfc6052" && !v6.match(NAT64_WELL_KNOWN)) return null;
  return new ipaddr.IPv4(bytes.slice(12, 16));
}

/**
 * The IP address a URL hostname spells, without IPv6 brackets, or null for a name. WHATWG URL
 * parsing has already turned decimal, octal and hex IPv4 forms into dotted quads.
 */
export function ipLiteralOf(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) === 0 ? null : bare;
}

/**
 * A cheap check before anything is paid for or looked up: an http(s) URL whose host, when it is
 * an IP literal, is public. Names are left to the resolving check at fetch time.
 */
export function literalUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be a valid URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http(s) URL";
  if (url.username || url.password) return "must not contain credentials";
  const literal = ipLiteralOf(url.hostname);
  if (literal !== null && !isPublicAddress(literal))
    return "must point to a public address (private, loopback, link-local and reserved addresses are refused)";
  return null;
}
