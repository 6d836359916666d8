import "server-only";
// Telegram → Supabase session. The Telegram proof (widget hash, or the
// auth server's own OIDC login) is checked before this runs. The account comes from
// supabase-telegram-account.ts; a magic-link token minted with the admin API for its address
// is verified on the cookie-bound client, which sets the session cookies on the response.
// Nothing is minted until the account is known to be this Telegram user's and active.
import { isExpectedAccount, telegramAuthAccount } from "@/lib/auth/supabase-telegram-account";
import type { TelegramIdentity } from "@/lib/auth/telegram";
import type { AuthUser } from "@/lib/auth/types";
import { upsertProfileByTelegram } from "@/lib/db/profiles";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { supabaseAdmin } from "@/lib/supabase/admin";
import { createSupabaseServerClient } from "@/lib/supabase/server";

/** Signs the caller in as the Telegram user's account (creating it on first sign-in). */
export async function signInSupabaseWithTelegram(identity: TelegramIdentity): Promise<AuthUser> {
  const account = await telegramAuthAccount(identity);
  const link = await supabaseAdmin().auth.admin.generateLink({ type: "magiclink", email: account.email });
  const user = link.data.user;
  const tokenHash = link.data.properties?.hashed_token;
  if (link.error || !user || !tokenHash) throw link.error ?? new Error("generateLink returned no token");
  if (!isExpectedAccount(user, account, identity)) {
    log.warn("telegram sign-in refused: the auth user was not made for this Telegram account", {
      userId: user.id,
    });
    throw new AppError("conflict", "This Telegram account cannot sign in here. Contact support.");
  }

  // The profile is settled before any session exists, so a refusal leaves the caller signed out.
  const profile = await upsertProfileByTelegram({
    telegramId: identity.id,
    displayName: identity.displayName,
    avatarUrl: identity.photoUrl,
    currentUserId: user.id,
    id: user.id,
  });
  if (profile.id !== user.id)
    throw new AppError("conflict", "This Telegram account is linked to another sign-in method.");
  if (profile.status !== "active") throw new AppError("forbidden", "This account is suspended.");

  const supabase = await createSupabaseServerClient();
  const verified = await supabase.auth.verifyOtp({ type: "email", token_hash: tokenHash });
  if (verified.error || verified.data.user?.id !== user.id)
    throw new AppError("unauthorized", "Telegram sign-in could not be completed.");
  return profile;
}

/** Links a verified Telegram account to the signed-in profile; never moves it from another one. */
export async function linkTelegramToSupabaseUser(
  user: AuthUser,
  identity: TelegramIdentity,
): Promise<AuthUser> {
  const profile = await upsertProfileByTelegram({
    telegramId: identity.id,
    displayName: identity.displayName,
    avatarUrl: identity.photoUrl,
    currentUserId: user.id,
  });
  if (profile.id !== user.id)
    throw new AppError("conflict", "This Telegram account is already linked to another profile.");
  return profile;
}
