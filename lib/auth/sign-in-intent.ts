// Where to go after signing in, kept in a short-lived HMAC-signed cookie while the browser is
// away at Google or Telegram. OAuth's redirect_to must be exactly the allow-listed callback
// URL (Supabase Auth matches the whole URL, query included), and Telegram's widget redirect
// carries only its own signed fields, so neither can carry `next`. The cookie is set by a
// same-origin POST from our sign-in pages (POST /api/auth/intent); GET /auth/telegram also
// requires it, so a link to that route with someone else's Telegram data does nothing in a
// browser that did not start a Telegram sign-in from our pages in the last few minutes.
import type { NextRequest, NextResponse } from "next/server";
import { cookieOptions } from "@/lib/auth/cookies";
import { hmacBase64Url, safeEqual } from "@/lib/auth/crypto";
import { safeNextPath } from "@/lib/auth/protected-routes";

export const SIGN_IN_INTENT_COOKIE = "atelier_sign_in";
export const SIGN_IN_INTENT_TTL_SECONDS = 15 * 60;

export type SignInIntent = { next: string; issuedAt: number };

export function signSignInIntent(secret: string, next: string, now = Date.now()): string {
  const payload = `${Buffer.from(safeNextPath(next)).toString("base64url")}.${Math.floor(now / 1000)}`;
  return `${payload}.${hmacBase64Url(secret, `sign-in-intent:${payload}`)}`;
}

export function readSignInIntent(
  secret: string,
  value: string | undefined,
  now = Date.now(),
): SignInIntent | null {
  const parts = value?.split(".") ?? [];
  if (parts.length !== 3) return null;
  const [encoded, issued, signature] = parts as [string, string, string];
  if (!safeEqual(signature, hmacBase64Url(secret, `sign-in-intent:${encoded}.${issued}`))) return null;
  if (!/^\d+$/.test(issued)) return null;
  const issuedAt = Number(issued);
  if ((issuedAt + SIGN_IN_INTENT_TTL_SECONDS) * 1000 <= now || issuedAt * 1000 > now + 60_000) return null;
  return { next: safeNextPath(Buffer.from(encoded, "base64url").toString()), issuedAt };
}

export function setSignInIntent(
  req: NextRequest,
  response: NextResponse,
  secret: string,
  next: string,
): void {
  response.cookies.set(
    SIGN_IN_INTENT_COOKIE,
    signSignInIntent(secret, next),
    cookieOptions(req, SIGN_IN_INTENT_TTL_SECONDS),
  );
}

/** The intent this browser carries, if any, still fresh and signed by us. */
export function signInIntentOf(req: NextRequest, secret: string): SignInIntent | null {
  return readSignInIntent(secret, req.cookies.get(SIGN_IN_INTENT_COOKIE)?.value);
}

/** Spends the intent: a sign-in uses it once. */
export function clearSignInIntent(req: NextRequest, response: NextResponse): void {
  if (req.cookies.has(SIGN_IN_INTENT_COOKIE))
    response.cookies.set(SIGN_IN_INTENT_COOKIE, "", cookieOptions(req, 0));
}
