import "server-only";
// Supabase mode: the identity comes from the verified access token (getClaims, never
// getSession); the profile row is ours and is created on first sight.
import type { AuthUser } from "@/lib/auth/types";
import { getProfile, upsertProfileByEmail } from "@/lib/db/profiles";
import { createSupabaseServerClient } from "@/lib/supabase/server";

export async function getSupabaseAuthUser(): Promise<AuthUser | null> {
  const supabase = await createSupabaseServerClient();
  const { data, error } = await supabase.auth.getClaims();
  const claims = data?.claims;
  if (error || !claims?.sub) return null;
  const existing = await getProfile(claims.sub);
  const user =
    existing ??
    (typeof claims.email === "string" && claims.email
      ? await upsertProfileByEmail(claims.email, claims.sub)
      : null);
  return user && user.status === "active" ? user : null;
}

export async function signOutSupabase(): Promise<void> {
  const supabase = await createSupabaseServerClient();
  await supabase.auth.signOut();
}
