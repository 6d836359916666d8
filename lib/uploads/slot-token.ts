// The credential of one upload slot on the local tus endpoint (app/api/uploads/tus): what the
// slot allows, HMAC-signed with the session secret, sent by the browser as `x-signature` on
// every tus request, like Supabase Storage's signed upload token. It binds the upload id, its
// owner, the one object path it may write and the most bytes it may hold, until it expires.
//   base64url(JSON payload) "." base64url(HMAC-SHA256(secret, "upload-slot:" + payload part))
import { hmacBase64Url, safeEqual } from "@/lib/auth/crypto";

export type SlotClaims = {
  /** Upload id (the uploads row). */
  uploadId: string;
  userId: string;
  /** The incoming object path, users/<userId>/incoming/<uploadId>. */
  path: string;
  maxBytes: number;
  /** Unix seconds. */
  expiresAt: number;
};

export type SlotCheck = { ok: true; claims: SlotClaims } | { ok: false; reason: "invalid" | "expired" };

const SIG = /^[A-Za-z0-9_-]{43}$/;
const PAYLOAD = /^[A-Za-z0-9_-]{1,2048}$/;

function signature(secret: string, payload: string): string {
  return hmacBase64Url(secret, `upload-slot:${payload}`);
}

export function signSlotToken(secret: string, claims: SlotClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${signature(secret, payload)}`;
}

/** Checks the signature (constant time, length checked) before reading anything, then the expiry. */
export function verifySlotToken(secret: string, token: string | null, now = Date.now() / 1000): SlotCheck {
  const [payload = "", sig = "", ...rest] = (token ?? "").split(".");
  if (rest.length > 0 || !PAYLOAD.test(payload) || !SIG.test(sig)) return { ok: false, reason: "invalid" };
  if (!safeEqual(sig, signature(secret, payload))) return { ok: false, reason: "invalid" };
  let claims: SlotClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as SlotClaims;
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (typeof claims.expiresAt !== "number" || claims.expiresAt <= now)
    return { ok: false, reason: "expired" };
  return { ok: true, claims };
}
