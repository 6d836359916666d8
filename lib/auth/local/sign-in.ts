import "server-only";
import { NextResponse } from "next/server";
import { cookieOptions, ROLE_COOKIE, SESSION_COOKIE, SESSION_TTL_SECONDS } from "@/lib/auth/cookies";
import { createSession, deleteSession } from "@/lib/auth/local/sessions";
import type { AuthUser } from "@/lib/auth/types";

/** Starts a local session for a verified user and answers with its cookie set. */
export async function respondWithLocalSession(
  user: AuthUser,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NextResponse> {
  const token = await createSession(user.id, meta);
  const response = NextResponse.json({
    id: user.id,
    email: user.email,
    role: user.role,
    credits: user.credits,
  });
  response.cookies.set(SESSION_COOKIE, token, cookieOptions(SESSION_TTL_SECONDS));
  response.cookies.delete(ROLE_COOKIE);
  return response;
}

export async function respondWithSignOut(token: string | undefined): Promise<NextResponse> {
  await deleteSession(token);
  const response = NextResponse.json({ ok: true });
  response.cookies.set(SESSION_COOKIE, "", cookieOptions(0));
  response.cookies.set(ROLE_COOKIE, "", cookieOptions(0));
  return response;
}
