// Telegram Login Widget verification: the data-check-string is every
// received field except `hash`, sorted by key, `key=value` joined by "\n"; the key is
// SHA-256(bot token); the hash is hex HMAC-SHA256. auth_date may be at most 24 h old.
import { createHash, createHmac } from "node:crypto";
import { safeEqual } from "@/lib/auth/crypto";

export const TELEGRAM_MAX_AGE_SECONDS = 24 * 60 * 60;

export type TelegramIdentity = {
  id: string;
  username: string | null;
  displayName: string | null;
  photoUrl: string | null;
  authDate: number;
};

const MAX_TELEGRAM_ID = 2n ** 63n - 1n;

export type TelegramVerification = { ok: true; identity: TelegramIdentity } | { ok: false; reason: string };

export function telegramDataCheckString(fields: Record<string, string>): string {
  return Object.keys(fields)
    .filter((key) => key !== "hash")
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join("\n");
}

export function signTelegramFields(fields: Record<string, string>, botToken: string): string {
  const secret = createHash("sha256").update(botToken).digest();
  return createHmac("sha256", secret).update(telegramDataCheckString(fields)).digest("hex");
}

export function verifyTelegramLogin(
  raw: Record<string, unknown>,
  botToken: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): TelegramVerification {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    if (typeof value !== "string" && typeof value !== "number")
      return { ok: false, reason: `unexpected field ${key}` };
    fields[key] = String(value);
  }
  const hash = fields.hash;
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return { ok: false, reason: "missing or malformed hash" };
  if (!fields.id || !/^\d+$/.test(fields.id)) return { ok: false, reason: "missing id" };
  // Telegram ids are 64-bit; anything larger cannot be one and would overflow the bigint column.
  if (BigInt(fields.id) > MAX_TELEGRAM_ID) return { ok: false, reason: "id out of range" };
  if (!fields.auth_date || !/^\d+$/.test(fields.auth_date)) return { ok: false, reason: "missing auth_date" };
  if (!safeEqual(hash, signTelegramFields(fields, botToken))) return { ok: false, reason: "hash mismatch" };
  const authDate = Number(fields.auth_date);
  if (nowSeconds - authDate > TELEGRAM_MAX_AGE_SECONDS) return { ok: false, reason: "auth_date is too old" };
  if (authDate - nowSeconds > 60) return { ok: false, reason: "auth_date is in the future" };
  const name = [fields.first_name, fields.last_name].filter(Boolean).join(" ");
  return {
    ok: true,
    identity: {
      id: fields.id,
      username: fields.username ?? null,
      displayName: name || fields.username || null,
      photoUrl: fields.photo_url ?? null,
      authDate,
    },
  };
}
