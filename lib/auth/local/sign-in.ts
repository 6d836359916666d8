import "server-only";
import { NextResponse } from "next/server";
import { cookieOptions, ROLE_COOKIE, SESSION_COOKIE, SESSION_TTL_SECONDS } from "@/lib/auth/cookies";
import { createSession, deleteSession } from "@/lib/auth/local/sessions";
import { requestMeta } from "@/lib/auth/request-meta";
import type { AuthUser } from "@/lib/auth/types";

type Req = { headers: Headers };

/** Starts a local session for a verified user and answers with its cookie set. */
export async function respondWithLocalSession(req: Req, user: AuthUser): Promise<NextResponse> {
  const token = await createSession(user.id, requestMeta(req));
  const response = NextResponse.json({
    id: user.id,
    email: user.email,
    role: user.role,
    credits: user.credits,
  });
  return setLocalSessionCookie(req, response, token);
}

/** Puts a new local session on a response (and drops a role cached for whoever was signed in). */
export function setLocalSessionCookie(req: Req, response: NextResponse, token: string): NextResponse {
  response.cookies.set(SESSION_COOKIE, token, cookieOptions(req, SESSION_TTL_SECONDS));
  response.cookies.delete(ROLE_COOKIE);
  return response;
}

export async function respondWithSignOut(req: Req, token: string | undefined): Promise<NextResponse> {
  await deleteSession(token);
  const response = NextResponse.json({ ok: true });
  response.cookies.set(SESSION_COOKIE, "", cookieOptions(req, 0));
  response.cookies.set(ROLE_COOKIE, "", cookieOptions(req, 0));
  return response;
}
