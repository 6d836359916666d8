import "server-only";
// The fetch of the cookie-bound Supabase clients (middleware, route handlers, Server
// Components), for two facts of running Supabase Auth behind a server:
//
// 1. Every refresh, code exchange and magic-link verify comes from the server's address, and
//    Supabase Auth limits /token and /verify per address. Supabase's documented remedy for
//    server-side calls: send the end user's address in `Sb-Forwarded-For` with a secret API key
//    (docs: guides/auth/rate-limits, "IP address forwarding", switched on per project). So auth
//    requests go out with the secret key and the address from clientIp() (only trusted proxies
//    are believed). Other requests keep the publishable key, so a data query from this client
//    can never run as the service role.
// 2. auth-js drops the session when a refresh fails with anything but a retryable error, and a
//    429 is not retryable: a busy rate-limit bucket would sign people out. A refresh answered
//    429, 5xx or not at all is reported to auth-js as a 429 (so it does not sit in its ~25 s
//    retry loop inside a request) and keepSession() keeps the cookies it would then clear; the
//    unspent refresh token is tried again on the next request.
import type { CookieOptions } from "@supabase/ssr";
import { env } from "@/lib/env";

type CookieToSet = { name: string; value: string; options: CookieOptions };

export type SessionFetch = {
  fetch: typeof fetch;
  /** The cookies to write, without the session-clearing ones after a transient refresh failure. */
  keepSession: <T extends CookieToSet>(cookies: T[]) => T[];
};

const TRANSIENT_REFRESH_FAILURE = JSON.stringify({
  code: "over_request_rate_limit",
  message: "Session refresh is temporarily unavailable",
});

export function createSessionFetch(clientAddress: string | null): SessionFetch {
  const supabaseUrl = env.NEXT_PUBLIC_SUPABASE_URL ?? "";
  const authBase = `${supabaseUrl.replace(/\/$/, "")}/auth/v1/`;
  const storageKey = `sb-${new URL(supabaseUrl).hostname.split(".")[0]}-auth-token`;
  let refreshFailed = false;

  const sessionFetch: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(authBase)) return fetch(input, init);
    const headers = new Headers(init?.headers);
    asServer(headers, clientAddress);
    const isRefresh = url.startsWith(`${authBase}token`) && url.includes("grant_type=refresh_token");
    if (!isRefresh) return fetch(input, { ...init, headers });
    try {
      const response = await fetch(input, { ...init, headers });
      if (response.status !== 429 && response.status < 500) return response;
      await response.body?.cancel();
    } catch {
      // The auth server could not be reached: the same as a busy one.
    }
    refreshFailed = true;
    return new Response(TRANSIENT_REFRESH_FAILURE, {
      status: 429,
      headers: { "content-type": "application/json", "x-supabase-api-version": "2024-01-01" },
    });
  };

  const isSessionCookie = (name: string) => name === storageKey || name.startsWith(`${storageKey}.`);
  const clears = (cookie: CookieToSet) => cookie.value === "" || cookie.options.maxAge === 0;

  return {
    fetch: sessionFetch,
    keepSession(cookies) {
      if (!refreshFailed) return cookies;
      // A new session written in the same response (a sign-in) replaces the old one whole.
      if (cookies.some((c) => isSessionCookie(c.name) && !clears(c))) return cookies;
      return cookies.filter((c) => !(isSessionCookie(c.name) && clears(c)));
    },
  };
}

/** What Supabase asks of server-side auth calls: the secret key and the user's address. */
function asServer(headers: Headers, clientAddress: string | null): void {
  const secret = env.SUPABASE_SECRET_KEY;
  if (!secret) return;
  const publishable = env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
  headers.set("apikey", secret);
  if (headers.get("authorization") === `Bearer ${publishable}`)
    headers.set("authorization", `Bearer ${secret}`);
  if (clientAddress) headers.set("sb-forwarded-for", clientAddress);
  else headers.delete("sb-forwarded-for");
}
