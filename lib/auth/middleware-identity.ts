import "server-only";
// What middleware needs to know about the caller, cheaply: the active user id behind the
// session, and the role, from the signed role cookie when it is fresh, else from the database.
import type { NextRequest, NextResponse } from "next/server";
import { cookieOptions, ROLE_COOKIE, ROLE_COOKIE_TTL_SECONDS, SESSION_COOKIE } from "@/lib/auth/cookies";
import { sha256Hex } from "@/lib/auth/crypto";
import { readRoleCookie, signRoleCookie } from "@/lib/auth/role-cookie";
import type { Role } from "@/lib/auth/types";
import { sql } from "@/lib/db/client";
import { sessionSecret } from "@/lib/env";

/** The user behind a live session, or null; a banned user counts as signed out, as in getAuthUser. */
export async function localSessionUserId(req: NextRequest): Promise<string | null> {
  const token = req.cookies.get(SESSION_COOKIE)?.value;
  if (!token || token.length > 200) return null;
  const [row] = await sql<{ user_id: string }[]>`
    select sessions.user_id from sessions join profiles on profiles.id = sessions.user_id
    where sessions.token_hash = ${sha256Hex(token)} and sessions.expires_at > now()
      and profiles.status = 'active'`;
  return row?.user_id ?? null;
}

/**
 * The Supabase user, unless their profile is banned (Supabase Auth knows nothing of bans). A
 * session whose profile is not created yet (the first request after sign-up) passes: the
 * page's own auth lookup creates it, or finds the auth user gone.
 */
export async function unlessBanned(userId: string): Promise<string | null> {
  const [row] = await sql<{ status: string }[]>`select status from profiles where id = ${userId}`;
  return row && row.status !== "active" ? null : userId;
}

export async function roleFor(req: NextRequest, res: NextResponse, userId: string): Promise<Role | null> {
  const cached = readRoleCookie(sessionSecret(), req.cookies.get(ROLE_COOKIE)?.value, userId);
  if (cached) return cached;
  const [row] = await sql<
    { role: Role }[]
  >`select role from profiles where id = ${userId} and status = 'active'`;
  if (!row) return null;
  res.cookies.set(
    ROLE_COOKIE,
    signRoleCookie(sessionSecret(), userId, row.role),
    cookieOptions(req, ROLE_COOKIE_TTL_SECONDS),
  );
  return row.role;
}
