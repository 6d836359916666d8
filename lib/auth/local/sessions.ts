import "server-only";
import { SESSION_TTL_SECONDS } from "@/lib/auth/cookies";
// Local-mode sessions: an opaque random token in an HttpOnly cookie, only its SHA-256 in
// the database, so a leaked table cannot be replayed.
import { randomToken, sha256Hex } from "@/lib/auth/crypto";
import type { AuthUser } from "@/lib/auth/types";
import { sql } from "@/lib/db/client";
import { PROFILE_COLUMNS, type ProfileRow, promoteListedAdmin, toAuthUser } from "@/lib/db/profiles";

export async function createSession(userId: string, meta: { userAgent: string | null; ip: string | null }) {
  const token = randomToken();
  await sql`
    insert into sessions (user_id, token_hash, expires_at, user_agent, ip)
    values (${userId}, ${sha256Hex(token)}, now() + make_interval(secs => ${SESSION_TTL_SECONDS}),
            ${meta.userAgent}, ${meta.ip})`;
  return token;
}

/** The active user behind a session token, or null for unknown, expired or banned. */
export async function userForSessionToken(token: string | undefined): Promise<AuthUser | null> {
  if (!token || token.length > 200) return null;
  const [row] = await sql<ProfileRow[]>`
    select ${PROFILE_COLUMNS} from sessions join profiles on profiles.id = sessions.user_id
    where sessions.token_hash = ${sha256Hex(token)} and sessions.expires_at > now()
      and profiles.status = 'active'`;
  return row ? promoteListedAdmin(toAuthUser(row)) : null;
}

export async function deleteSession(token: string | undefined): Promise<void> {
  if (!token) return;
  await sql`delete from sessions where token_hash = ${sha256Hex(token)}`;
}
