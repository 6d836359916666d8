import "server-only";
// Session refresh for Supabase mode: create the client, call getClaims()
// straight away (it verifies the access token against the JWKS and refreshes it when it is
// about to expire), and hand back the response carrying any refreshed cookies. Callers that
// answer with a different response (a redirect) must copy `response.cookies` onto it. A
// refresh the auth server could not serve (429, 5xx, unreachable) leaves the cookies alone
// for the next request to try again (lib/supabase/session-fetch.ts).
import { createServerClient } from "@supabase/ssr";
import { type NextRequest, NextResponse } from "next/server";
import { clientIp } from "@/lib/auth/client-address";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { createSessionFetch } from "@/lib/supabase/session-fetch";

export async function updateSupabaseSession(
  req: NextRequest,
): Promise<{ response: NextResponse; userId: string | null }> {
  let response = NextResponse.next({ request: req });
  const url = env.NEXT_PUBLIC_SUPABASE_URL;
  const key = env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
  if (!url || !key) return { response, userId: null };
  const session = createSessionFetch(clientIp(req));
  const supabase = createServerClient(url, key, {
    global: { fetch: session.fetch },
    cookies: {
      getAll: () => req.cookies.getAll(),
      setAll: (all, headers) => {
        const toSet = session.keepSession(all);
        // Later reads in this request (route handlers, Server Components) see the new tokens...
        for (const { name, value } of toSet) req.cookies.set(name, value);
        response = NextResponse.next({ request: req });
        // ...and the browser stores them. The no-store headers keep a CDN from caching them.
        for (const { name, value, options } of toSet) response.cookies.set(name, value, options);
        for (const [header, value] of Object.entries(headers)) response.headers.set(header, value);
      },
    },
  });
  try {
    const { data } = await supabase.auth.getClaims();
    const sub = data?.claims?.sub;
    return { response, userId: typeof sub === "string" && sub ? sub : null };
  } catch (error) {
    // getClaims throws (rather than returning an error) on e.g. an unsupported `alg`: signed out.
    log.warn("supabase session check failed", { error });
    return { response, userId: null };
  }
}

/**
 * A redirect that keeps the cookies already put on `from` (refreshed session tokens, the role
 * cookie). Dropping them on a redirect loses a rotated refresh token, which signs the user out.
 */
export function redirectKeepingCookies(url: URL, from: NextResponse): NextResponse {
  const redirect = NextResponse.redirect(url);
  for (const cookie of from.cookies.getAll()) redirect.cookies.set(cookie);
  return redirect;
}
