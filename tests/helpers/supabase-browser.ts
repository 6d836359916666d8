// What a browser does in Supabase mode, for API tests: start OAuth with the real supabase-js
// client (PKCE verifier in its storage, as @supabase/ssr's browser client keeps it in cookies),
// follow the auth server's redirects, and come back to the app with the code.
import { randomBytes } from "node:crypto";
import { createClient } from "@supabase/supabase-js";
import { Client } from "./http";
import {
  PUBLISHABLE_KEY,
  type StandInUser,
  type SupabaseAuthStandIn,
  ssrCookieValue,
} from "./supabase-auth-stand-in";
import { b64url } from "./supabase-stand-in-crypto";

/**
 * A browser that started OAuth sign-in and is back from the provider: the PKCE verifier cookie
 * is set and the auth server issued a code for it. `next` is remembered first, as the sign-in
 * page does (POST /api/auth/intent).
 */
export async function browserBackFromProvider(
  appUrl: string,
  standIn: SupabaseAuthStandIn,
  user: StandInUser,
  next?: string,
): Promise<{ client: Client; code: string; verifier: string }> {
  const client = new Client(appUrl);
  if (next !== undefined) await client.post("/api/auth/intent", { next });
  const verifier = randomBytes(32).toString("hex");
  client.setCookie(`${standIn.storageKey}-code-verifier`, ssrCookieValue(verifier));
  return { client, code: standIn.issueAuthCode(user, verifier), verifier };
}

/**
 * signInWithOAuth in a browser at `origin`, then the auth server's redirects up to the first
 * one that leaves it: where the browser lands, and the cookies the browser client stored.
 */
export async function startOAuth(
  standIn: SupabaseAuthStandIn,
  provider: string,
  redirectTo: string,
): Promise<{ landing: URL; cookies: [string, string][] }> {
  const stored = new Map<string, string>();
  const supabase = createClient(standIn.url, PUBLISHABLE_KEY, {
    auth: {
      flowType: "pkce",
      persistSession: true,
      autoRefreshToken: false,
      detectSessionInUrl: false,
      storage: {
        getItem: (key) => stored.get(key) ?? null,
        setItem: (key, value) => void stored.set(key, value),
        removeItem: (key) => void stored.delete(key),
      },
    },
  });
  const { data, error } = await supabase.auth.signInWithOAuth({
    provider: provider as "google",
    options: { redirectTo, skipBrowserRedirect: true },
  });
  if (error || !data.url) throw error ?? new Error("signInWithOAuth gave no URL");
  let url = new URL(data.url);
  for (let hop = 0; hop < 5 && url.origin === standIn.url; hop++) {
    const res = await fetch(url, { redirect: "manual" });
    const location = res.headers.get("location");
    if (!location) throw new Error(`auth server answered ${res.status} at ${url.pathname}`);
    url = new URL(location, url);
  }
  // @supabase/ssr's browser client keeps these items as cookies, "base64-" + base64url.
  const cookies = [...stored].map(([name, value]) => [name, `base64-${b64url(value)}`] as [string, string]);
  return { landing: url, cookies };
}

/** The session cookie's content, decoded. */
export function sessionOf(client: Client, standIn: SupabaseAuthStandIn): Record<string, unknown> | null {
  const value = client.cookie(standIn.storageKey);
  if (!value?.startsWith("base64-")) return null;
  return JSON.parse(Buffer.from(value.slice("base64-".length), "base64url").toString());
}
