// The Telegram account behind a login through Telegram's OpenID Connect provider, configured in
// Supabase Auth as the custom provider `custom:telegram`. Telegram's ID token carries the
// Bot API user id (the one the widget signs) in a numeric `id` claim; `sub` is the OIDC subject
// and is not relied on as that id. Supabase copies a non-standard claim only when the provider
// allow-lists it, into identity_data.custom_claims (docs/deploy-supabase.md says to list `id`).
//
// Only the identity record is read: identities are written by the auth server from the
// provider's token, while user_metadata can be edited by the user through the Auth API, so a
// Telegram id taken from it would let anyone claim someone else's Telegram account.
import type { User } from "@supabase/supabase-js";
import type { TelegramIdentity } from "@/lib/auth/telegram";

export const TELEGRAM_OIDC_PROVIDER = "custom:telegram";
const MAX_TELEGRAM_ID = 2n ** 63n - 1n;

export function telegramIdentityFromOidc(user: Pick<User, "identities">): TelegramIdentity | null {
  const identity = user.identities?.find((i) => i.provider === TELEGRAM_OIDC_PROVIDER);
  const data = identity?.identity_data ?? {};
  const custom = typeof data.custom_claims === "object" && data.custom_claims ? data.custom_claims : {};
  const id = telegramUserId((custom as Record<string, unknown>).id);
  if (!id) return null;
  const text = (value: unknown) => (typeof value === "string" && value ? value : null);
  const username = text(data.preferred_username);
  return {
    id,
    username,
    displayName: text(data.name) ?? text(data.full_name) ?? username,
    photoUrl: text(data.picture) ?? text(data.avatar_url),
    authDate: Math.floor(Date.now() / 1000),
  };
}

function telegramUserId(value: unknown): string | null {
  const digits = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof digits !== "string" || !/^[1-9]\d{0,18}$/.test(digits)) return null;
  return BigInt(digits) <= MAX_TELEGRAM_ID ? digits : null;
}
