// Browser-side Supabase client (PROTOCOLS.md 5.1). It reads no env itself: the URL and the
// publishable key come from the server (props or the health/config payload), so this module
// stays free of NEXT_PUBLIC_* reads. In the browser @supabase/ssr returns one shared client.
import { createBrowserClient as createSsrBrowserClient } from "@supabase/ssr";
import type { SupabaseClient } from "@supabase/supabase-js";
import { safeNextPath } from "@/lib/auth/protected-routes";

export function createBrowserClient(url: string, publishableKey: string): SupabaseClient {
  return createSsrBrowserClient(url, publishableKey);
}

export type OAuthProvider = "google" | "custom:telegram";

/**
 * Where the auth server sends the browser back after the provider: our callback route, which
 * exchanges the code for session cookies and then goes to `next` (a same-site path only).
 */
export function oauthRedirectTo(origin: string, next = "/"): string {
  return `${origin}/auth/callback?next=${encodeURIComponent(safeNextPath(next))}`;
}

/**
 * Starts Google or Telegram (custom OIDC provider) sign-in: @supabase/ssr stores the PKCE code
 * verifier in a cookie, then the browser is sent to the provider.
 */
export async function signInWithProvider(
  client: SupabaseClient,
  provider: OAuthProvider,
  next = "/",
): Promise<{ error: string | null }> {
  const { error } = await client.auth.signInWithOAuth({
    provider,
    options: { redirectTo: oauthRedirectTo(window.location.origin, next) },
  });
  return { error: error ? error.message : null };
}
