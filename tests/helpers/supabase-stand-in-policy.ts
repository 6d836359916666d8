// Two GoTrue policies the stand-in must get right, because the app's configuration advice
// depends on them (supabase/auth, internal/utilities/request.go and internal/api/middleware.go):
//
// Redirects. `redirect_to` is used when it shares scheme, host and port with the Site URL (any
// port for loopback), or when the WHOLE URL, fragment aside, matches an allow-list glob
// (gobwas/glob with '.' and '/' as separators: `*` stops at them, `**` does not). A loopback IP
// is always accepted, any other IP never. Anything else falls back to the Site URL.
//
// Rate limits. Token buckets per key: 30 requests of burst, refilled at the configured rate
// per 5 minutes. The key is the caller's address as the platform sees it, or, when IP address
// forwarding is on and the request carries a secret API key, the first address in
// `Sb-Forwarded-For`.
import { isIP } from "node:net";

const LOCALHOST = new Set(["localhost", "127.0.0.1", "::1", "0.0.0.0", "::"]);
const REGULAR_HOSTNAME = /^[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$/;

export function isRedirectUrlValid(siteUrl: string, allowList: string[], redirect: string): boolean {
  if (!redirect) return false;
  let base: URL;
  let target: URL;
  try {
    base = new URL(siteUrl);
    target = new URL(redirect);
  } catch {
    return false;
  }
  const hostname = target.hostname.replace(/^\[(.*)\]$/, "$1");
  if (
    base.hostname === target.hostname &&
    base.protocol === target.protocol &&
    (base.port === target.port || LOCALHOST.has(hostname.toLowerCase()))
  )
    return true;
  const http = target.protocol === "http:" || target.protocol === "https:";
  if (/^[0-9]+$/.test(hostname)) return false;
  if (isIP(hostname)) return hostname === "::1" || hostname.startsWith("127.");
  if (http && !REGULAR_HOSTNAME.test(hostname)) return false;
  const withoutFragment = redirect.split("#")[0] ?? "";
  return allowList.some((pattern) => globToRegExp(pattern).test(withoutFragment));
}

/** GetReferrer: the validated `redirect_to`, else the Site URL. */
export function redirectTarget(siteUrl: string, allowList: string[], redirectTo: string | null): string {
  return redirectTo && isRedirectUrlValid(siteUrl, allowList, redirectTo) ? redirectTo : siteUrl;
}

/** gobwas/glob semantics with separators '.' and '/', anchored at both ends. */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${translate(pattern, 0, false).source}$`);
}

const NOT_SEPARATOR = "[^./]";

function translate(pattern: string, start: number, inAlternative: boolean): { source: string; end: number } {
  let out = "";
  let i = start;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (inAlternative && (c === "," || c === "}")) break;
    if (c === "\\" && i + 1 < pattern.length) {
      out += escapeRegExp(pattern[i + 1] as string);
      i += 2;
    } else if (c === "*") {
      const double = pattern[i + 1] === "*";
      out += double ? ".*" : `${NOT_SEPARATOR}*`;
      i += double ? 2 : 1;
    } else if (c === "?") {
      out += NOT_SEPARATOR;
      i += 1;
    } else if (c === "[") {
      const close = pattern.indexOf("]", i + 1);
      if (close < 0) {
        out += "\\[";
        i += 1;
        continue;
      }
      const body = pattern.slice(i + 1, close);
      out += body.startsWith("!") ? `[^${body.slice(1)}]` : `[${body}]`;
      i = close + 1;
    } else if (c === "{") {
      const options: string[] = [];
      let j = i + 1;
      for (;;) {
        const part = translate(pattern, j, true);
        options.push(part.source);
        j = part.end;
        if (pattern[j] === ",") j += 1;
        else break;
      }
      out += `(?:${options.join("|")})`;
      i = j + 1;
    } else {
      out += escapeRegExp(c);
      i += 1;
    }
  }
  return { source: out, end: i };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

export type RateLimit = { perFiveMinutes: number; burst: number };

/** tollbooth's token bucket: starts full, refills continuously. `now` in milliseconds. */
export function createRateLimiter(limit: RateLimit, now: () => number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = limit.perFiveMinutes / (5 * 60 * 1000);
  return {
    take(key: string): boolean {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at: t };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + (t - bucket.at) * perMs);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}

/** The rate-limit key of a request, as hosted Supabase decides it. */
export function rateLimitKey(options: {
  peer: string | undefined;
  forwardedFor: string | undefined;
  secretKey: boolean;
  ipForwarding: boolean;
}): string {
  if (options.ipForwarding && options.secretKey && options.forwardedFor) {
    const first = options.forwardedFor.split(",")[0]?.trim() ?? "";
    if (isIP(first)) return first;
  }
  return options.peer ?? "unknown";
}
