// Browser-side Supabase client. It reads no env itself: the URL and the
// publishable key come from the server (props or the health/config payload), so this module
// stays free of NEXT_PUBLIC_* reads. In the browser @supabase/ssr returns one shared client.
import { createBrowserClient as createSsrBrowserClient } from "@supabase/ssr";
import type { SupabaseClient } from "@supabase/supabase-js";

export function createBrowserClient(url: string, publishableKey: string): SupabaseClient {
  return createSsrBrowserClient(url, publishableKey);
}

export type OAuthProvider = "google" | "custom:telegram";

/**
 * Where the auth server sends the browser back after the provider: our callback route, exactly.
 * Supabase Auth checks redirect_to against its allow-list as a whole URL, query included, so
 * any parameter here would miss an exact entry and land the user on the Site URL instead; the
 * destination after sign-in travels in a signed cookie (POST /api/auth/intent).
 */
export function oauthRedirectTo(origin: string): string {
  return `${origin}/auth/callback`;
}

/**
 * Starts Google or Telegram (custom OIDC provider) sign-in: @supabase/ssr stores the PKCE code
 * verifier in a cookie, then the browser is sent to the provider.
 */
export async function signInWithProvider(
  client: SupabaseClient,
  provider: OAuthProvider,
): Promise<{ error: string | null }> {
  const { error } = await client.auth.signInWithOAuth({
    provider,
    options: { redirectTo: oauthRedirectTo(window.location.origin) },
  });
  return { error: error ? error.message : null };
}
