import "server-only";
import type { SessionUpdate } from "@/lib/contracts/sessions";
// Creating, renaming and archiving one of the caller's sessions; someone else's is a 404.
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { SESSION_COLUMNS, SESSION_COVER, toPublicSession } from "@/lib/sessions/list-sessions";
import { UNTITLED } from "@/lib/sessions/session-title";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function readSession(userId: string, id: string) {
  const [row] = UUID.test(id)
    ? await sql`select ${SESSION_COLUMNS} from workspaces w ${SESSION_COVER} where w.id = ${id} and w.user_id = ${userId}`
    : [];
  if (!row) throw new AppError("not_found", "Session not found.");
  return toPublicSession(row as Parameters<typeof toPublicSession>[0]);
}

/** Without a title, the session is named by the first prompt made in it (session-for-generation.ts). */
export async function createSession(userId: string, title: string | undefined) {
  const [row] = await sql<{ id: string }[]>`
    insert into workspaces (user_id, title, untitled)
    values (${userId}, ${title ?? UNTITLED}, ${title === undefined}) returning id`;
  if (!row) throw new Error("workspace insert returned no row");
  return readSession(userId, row.id);
}

export async function updateSession(userId: string, id: string, update: SessionUpdate) {
  const rows = UUID.test(id)
    ? await sql`
        update workspaces set
          title = coalesce(${update.title ?? null}, title),
          untitled = untitled and ${update.title ?? null}::text is null,
          archived_at = case
            when ${update.archived ?? null}::boolean is null then archived_at
            when ${update.archived ?? null}::boolean then coalesce(archived_at, now())
            else null end
        where id = ${id} and user_id = ${userId} returning id`
    : [];
  if (rows.length === 0) throw new AppError("not_found", "Session not found.");
  return readSession(userId, id);
}
