import "server-only";
// Supabase mode: the identity comes from the verified access token (getClaims, never
// getSession); the profile row is ours, keyed by the auth user id, created on first sight.
import type { AuthUser } from "@/lib/auth/types";
import { sql } from "@/lib/db/client";
import {
  getProfile,
  insertProfile,
  PROFILE_COLUMNS,
  type ProfileRow,
  toAuthUser,
  upsertProfileByEmail,
} from "@/lib/db/profiles";
import { log } from "@/lib/log";
import { createSupabaseServerClient } from "@/lib/supabase/server";

/** Telegram widget users get a stable synthetic address (PROTOCOLS.md 5.6 B); it never receives mail. */
export const TELEGRAM_EMAIL_DOMAIN = "telegram.atelier.invalid";
export const telegramEmail = (telegramId: string) => `tg_${telegramId}@${TELEGRAM_EMAIL_DOMAIN}`;

export type SupabaseIdentity = {
  id: string;
  email: string | null;
  displayName: string | null;
  avatarUrl: string | null;
};

export async function getSupabaseAuthUser(): Promise<AuthUser | null> {
  const supabase = await createSupabaseServerClient();
  let claims: Record<string, unknown> | undefined;
  try {
    const { data, error } = await supabase.auth.getClaims();
    if (error) return null;
    claims = data?.claims;
  } catch (error) {
    // getClaims throws (rather than returning an error) on e.g. an unsupported `alg`.
    log.warn("supabase getClaims failed", { error });
    return null;
  }
  if (!claims || typeof claims.sub !== "string" || !claims.sub) return null;
  const user = await ensureSupabaseProfile(identityFromClaims(claims));
  return user.status === "active" ? user : null;
}

export function identityFromClaims(claims: Record<string, unknown>): SupabaseIdentity {
  const meta = (typeof claims.user_metadata === "object" && claims.user_metadata) || {};
  const text = (value: unknown) => (typeof value === "string" && value ? value : null);
  const m = meta as Record<string, unknown>;
  return {
    id: String(claims.sub),
    email: text(claims.email),
    displayName: text(m.full_name) ?? text(m.name) ?? text(m.preferred_username),
    avatarUrl: text(m.avatar_url) ?? text(m.picture),
  };
}

/**
 * The profile of a Supabase auth user, created on first sign-in. An email already owned by
 * another profile is never handed over to this user (the provider may not have verified it);
 * the new profile then starts without an email.
 */
export async function ensureSupabaseProfile(identity: SupabaseIdentity): Promise<AuthUser> {
  const existing = await getProfile(identity.id);
  if (existing) return existing;
  const email = identity.email?.endsWith(`@${TELEGRAM_EMAIL_DOMAIN}`) ? null : identity.email;
  if (email) {
    const byEmail = await upsertProfileByEmail(email, identity.id);
    if (byEmail.id === identity.id) {
      await sql`
        update profiles set display_name = coalesce(display_name, ${identity.displayName}),
          avatar_url = coalesce(avatar_url, ${identity.avatarUrl})
        where id = ${identity.id}`;
      return byEmail;
    }
    log.warn("auth user's email belongs to another profile; creating one without email", {
      userId: identity.id,
      profileId: byEmail.id,
    });
  }
  return sql.begin(async (tx) => {
    // A concurrent first request may have created it a moment ago.
    const [row] = await tx<
      ProfileRow[]
    >`select ${PROFILE_COLUMNS} from profiles where id = ${identity.id} for update`;
    if (row) return toAuthUser(row);
    return insertProfile(tx, identity);
  });
}

/** Ends this device's session: revokes its refresh token and clears the session cookies. */
export async function signOutSupabase(): Promise<void> {
  const supabase = await createSupabaseServerClient();
  await supabase.auth.signOut({ scope: "local" });
}
