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
  promoteListedAdmin,
  recordTelegramId,
  toAuthUser,
  upsertProfileByEmail,
} from "@/lib/db/profiles";
import { log } from "@/lib/log";
import { createSupabaseServerClient } from "@/lib/supabase/server";

/** Telegram widget users get a synthetic address (lib/auth/supabase-telegram-account.ts); it never receives mail. */
export const TELEGRAM_EMAIL_DOMAIN = "telegram.atelier.invalid";

export type SupabaseIdentity = {
  id: string;
  email: string | null;
  displayName: string | null;
  avatarUrl: string | null;
  /** Only from the auth server's own record of a Telegram login, never from user_metadata. */
  telegramId?: string | null;
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
  return user?.status === "active" ? user : null;
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
 * The profile of a Supabase auth user, created on first sign-in; null when the auth user no
 * longer exists (deleted, while its access token is still valid: on Supabase the profile went
 * with it, and a new one cannot reference a missing auth.users row). An email already owned by
 * another profile is never handed over to this user (the provider may not have verified it);
 * the new profile then starts without an email.
 */
export async function ensureSupabaseProfile(identity: SupabaseIdentity): Promise<AuthUser | null> {
  const existing = await getProfile(identity.id);
  if (existing) return settle(existing, identity);
  try {
    return await createProfile(identity);
  } catch (error) {
    if (isMissingAuthUser(error)) return null;
    throw error;
  }
}

async function settle(profile: AuthUser, identity: SupabaseIdentity): Promise<AuthUser> {
  let user = await promoteListedAdmin(profile);
  if (identity.telegramId && !user.telegramId)
    user = (await recordTelegramId(user.id, identity.telegramId)) ?? user;
  return user;
}

async function createProfile(identity: SupabaseIdentity): Promise<AuthUser> {
  const email = identity.email?.endsWith(`@${TELEGRAM_EMAIL_DOMAIN}`) ? null : identity.email;
  if (email) {
    const byEmail = await upsertProfileByEmail(email, identity.id);
    if (byEmail.id === identity.id) {
      await sql`
        update profiles set display_name = coalesce(display_name, ${identity.displayName}),
          avatar_url = coalesce(avatar_url, ${identity.avatarUrl})
        where id = ${identity.id}`;
      return settle(byEmail, identity);
    }
    log.warn("auth user's email belongs to another profile; creating one without email", {
      userId: identity.id,
      profileId: byEmail.id,
    });
  }
  const created = await sql.begin(async (tx) => {
    // A concurrent first request may have created it a moment ago.
    const [row] = await tx<
      ProfileRow[]
    >`select ${PROFILE_COLUMNS} from profiles where id = ${identity.id} for update`;
    if (row) return toAuthUser(row);
    return insertProfile(tx, identity);
  });
  return settle(created, identity);
}

// 23503 on profiles' reference to auth.users: the auth user is gone.
function isMissingAuthUser(error: unknown): boolean {
  const { code, constraint_name } = error as { code?: string; constraint_name?: string };
  return code === "23503" && constraint_name === "profiles_id_fkey";
}

/** Ends this device's session: revokes its refresh token and clears the session cookies. */
export async function signOutSupabase(): Promise<void> {
  const supabase = await createSupabaseServerClient();
  await supabase.auth.signOut({ scope: "local" });
}
