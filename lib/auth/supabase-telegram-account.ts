import "server-only";
// Which Supabase auth user a verified Telegram account signs in as, and the address its
// magic-link token is minted for (Supabase only mints sessions through an email here).
//
// Supabase lets anyone sign up with any address and a password (the Email provider is on by
// default), so the address must not be guessable, and an existing auth user found by address
// is trusted only if the bridge made it: app_metadata.telegram_id, which only the service role
// can write. Otherwise someone who knows a Telegram id could register its address first and
// hold the password to the account the real user's first widget sign-in then lands in.
import type { User } from "@supabase/supabase-js";
import { isAuthApiError } from "@supabase/supabase-js";
import { hmacHex } from "@/lib/auth/crypto";
import { TELEGRAM_EMAIL_DOMAIN } from "@/lib/auth/supabase";
import type { TelegramIdentity } from "@/lib/auth/telegram";
import { profileIdByTelegram } from "@/lib/db/profiles";
import { sessionSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { supabaseAdmin } from "@/lib/supabase/admin";

/** Written into app_metadata by the bridge when it creates (or adopts) an auth user. */
export const BRIDGE_CLAIM = "telegram_id";

/** The bridge's address for a Telegram account: an HMAC of its id with the server's secret. */
export function telegramEmail(telegramId: string, secret: string = sessionSecret()): string {
  const tag = hmacHex(secret, `telegram-email:${telegramId}`).slice(0, 40);
  return `tg-${tag}@${TELEGRAM_EMAIL_DOMAIN}`;
}

/** The Telegram id the bridge recorded on an auth user, if it made or adopted it. */
export function bridgedTelegramId(user: Pick<User, "app_metadata">): string | null {
  const value = user.app_metadata?.[BRIDGE_CLAIM];
  return typeof value === "string" ? value : null;
}

/**
 * The address to mint a session for, and the auth user that address must belong to (null:
 * any auth user the bridge made for this Telegram account).
 */
export async function telegramAuthAccount(
  identity: TelegramIdentity,
): Promise<{ email: string; userId: string | null }> {
  const admin = supabaseAdmin().auth.admin;
  // Our own record, written only after a verified Telegram proof (widget, or the auth server's
  // OIDC login), says which account is this Telegram user's, whatever address it has.
  const ownerId = await profileIdByTelegram(identity.id);
  if (ownerId) {
    const { data, error } = await admin.getUserById(ownerId);
    if (error || !data.user) throw new AppError("unauthorized", "Telegram sign-in could not be completed.");
    if (data.user.email) return { email: data.user.email, userId: ownerId };
    // An account made by Telegram's OIDC login has no address: give it the bridge's one.
    const email = telegramEmail(identity.id);
    const updated = await admin.updateUserById(ownerId, {
      email,
      email_confirm: true,
      app_metadata: { [BRIDGE_CLAIM]: identity.id },
    });
    if (updated.error) throw updated.error;
    return { email, userId: ownerId };
  }
  const email = telegramEmail(identity.id);
  const created = await admin.createUser({
    email,
    email_confirm: true,
    app_metadata: { [BRIDGE_CLAIM]: identity.id },
    user_metadata: { name: identity.displayName, avatar_url: identity.photoUrl },
  });
  if (created.error && !isAlreadyRegistered(created.error)) throw created.error;
  return { email, userId: created.data.user?.id ?? null };
}

/** Whether the user a magic link was minted for is the one the account lookup allows. */
export function isExpectedAccount(
  user: Pick<User, "id" | "app_metadata">,
  account: { userId: string | null },
  identity: TelegramIdentity,
): boolean {
  if (account.userId) return user.id === account.userId;
  return bridgedTelegramId(user) === identity.id;
}

// GoTrue answers 422 `email_exists` when the address is taken.
function isAlreadyRegistered(error: Error): boolean {
  return (
    isAuthApiError(error) && (error.code === "email_exists" || /already been registered/i.test(error.message))
  );
}
