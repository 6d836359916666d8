import "server-only";
// Cookie-bound Supabase client for Server Components, Server Actions and route handlers.
// In a route handler, cookies written through `cookies()` are merged by Next into whatever
// Response the handler returns (redirects and error JSON included), so exchangeCodeForSession
// and verifyOtp set the session cookies without further plumbing; the no-store headers that
// go with them are put on the response by the route wrapper (lib/supabase/response-headers.ts).
// Auth calls carry the caller's address and survive a busy auth server (session-fetch.ts).
import { createServerClient } from "@supabase/ssr";
import { cookies, headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-address";
import { env } from "@/lib/env";
import { deferResponseHeaders } from "@/lib/supabase/response-headers";
import { createSessionFetch } from "@/lib/supabase/session-fetch";

export async function createSupabaseServerClient() {
  const url = env.NEXT_PUBLIC_SUPABASE_URL;
  const key = env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
  if (!url || !key) throw new Error("Supabase is not configured");
  const cookieStore = await cookies();
  const session = createSessionFetch(clientIp({ headers: await headers() }));
  return createServerClient(url, key, {
    global: { fetch: session.fetch },
    cookies: {
      getAll: () => cookieStore.getAll(),
      setAll: (toSet, cacheHeaders) => {
        deferResponseHeaders(cacheHeaders);
        try {
          for (const { name, value, options } of session.keepSession(toSet))
            cookieStore.set(name, value, options);
        } catch {
          // Server Components cannot set cookies; middleware refreshes the session instead.
        }
      },
    },
  });
}
