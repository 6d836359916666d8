// Expiring URLs for the local file route:
//   /api/files/<path>?exp=<unix seconds>&sig=<base64url HMAC-SHA256(secret, "files:<path>:<exp>")>
// The signature is the whole authorisation, so it covers the exact path and the expiry.
import { hmacBase64Url, safeEqual } from "@/lib/auth/crypto";
import { isValidObjectPath } from "@/lib/storage/paths";

export const FILES_ROUTE_PREFIX = "/api/files/";

const EXP = /^\d{1,12}$/;
const SIG = /^[A-Za-z0-9_-]{43}$/; // 32 bytes of base64url without padding

export function fileSignature(secret: string, objectPath: string, exp: number): string {
  return hmacBase64Url(secret, `files:${objectPath}:${exp}`);
}

export function signFileUrl(options: {
  secret: string;
  objectPath: string;
  /** Unix seconds. */
  expiresAt: number;
  /** Absolute origin (e.g. APP_URL) or undefined for a relative URL. */
  baseUrl?: string;
}): string {
  const { secret, objectPath, expiresAt } = options;
  if (!isValidObjectPath(objectPath)) throw new Error(`Refusing to sign an invalid object path.`);
  if (!Number.isSafeInteger(expiresAt) || expiresAt < 0) throw new Error("expiresAt must be unix seconds.");
  const base = (options.baseUrl ?? "").replace(/\/+$/, "");
  const sig = fileSignature(secret, objectPath, expiresAt);
  return `${base}${FILES_ROUTE_PREFIX}${objectPath}?exp=${expiresAt}&sig=${sig}`;
}

export type SignatureCheck =
  | { ok: true; expiresAt: number }
  | { ok: false; reason: "missing" | "invalid" | "expired" };

/** Checks the signature first (constant time, length checked), then the expiry. */
export function verifyFileSignature(options: {
  secret: string;
  objectPath: string;
  exp: string | null;
  sig: string | null;
  /** Unix seconds; defaults to now. */
  now?: number;
}): SignatureCheck {
  const { secret, objectPath, exp, sig } = options;
  if (!exp || !sig) return { ok: false, reason: "missing" };
  if (!EXP.test(exp) || !SIG.test(sig)) return { ok: false, reason: "invalid" };
  const expiresAt = Number(exp);
  if (!safeEqual(sig, fileSignature(secret, objectPath, expiresAt))) return { ok: false, reason: "invalid" };
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, expiresAt };
}
