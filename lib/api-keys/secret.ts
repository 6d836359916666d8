import "server-only";
// API key material. A key is `atk_` + 32 random bytes (base64url); the database keeps only
// HMAC-SHA-256(server secret, key). A fast keyed hash is the right tool here, unlike for
// passwords: a key carries 256 random bits, so no amount of hashing speed makes guessing it
// feasible, and a slow hash (bcrypt, argon2) would only add its cost to every API request.
// The server secret means a leaked table alone does not even let anyone test a candidate key.
// Lookups go by the hash (a unique index), so there is no secret-dependent comparison in our
// code to time.
import { hmacHex, randomToken } from "@/lib/auth/crypto";
import { sessionSecret } from "@/lib/env";

export const API_KEY_PREFIX = "atk_";
/** How much of a key lists show: the marker and 8 characters, enough to tell keys apart. */
const SHOWN_CHARS = API_KEY_PREFIX.length + 8;
const KEY_PATTERN = /^atk_[A-Za-z0-9_-]{43}$/;

export type NewKeyMaterial = { key: string; prefix: string; hash: string };

export function generateApiKey(): NewKeyMaterial {
  const key = `${API_KEY_PREFIX}${randomToken(32)}`;
  return { key, prefix: key.slice(0, SHOWN_CHARS), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return hmacHex(sessionSecret(), `api-key:${key}`);
}

/** Whether a bearer token is shaped like one of our keys (anything else is unknown at once). */
export function isWellFormedApiKey(token: string): boolean {
  return KEY_PATTERN.test(token);
}
