import "server-only";
import type { ListSessionsQuery } from "@/lib/contracts/sessions";
// A user's sessions for the sessions grid: each with how many generations it holds (the trash
// left out), when it was last worked in, and its newest output as the cover.
import { sql } from "@/lib/db/client";
import { containsPattern } from "@/lib/gallery/list-filter";
import { storage } from "@/lib/storage";

const COVER_URL_SECONDS = 60 * 60;

type SessionRow = {
  id: string;
  title: string;
  archived_at: Date | null;
  created_at: Date;
  last_activity_at: Date;
  count: number;
  cover_path: string | null;
  cover_kind: string | null;
};

export type PublicSession = {
  id: string;
  title: string;
  archived: boolean;
  created_at: string;
  last_activity_at: string;
  count: number;
  cover_url: string | null;
  cover_kind: string | null;
};

export const SESSION_COLUMNS = sql`w.id, w.title, w.archived_at, w.created_at, w.last_activity_at,
  (select count(*) from generations g where g.workspace_id = w.id and g.trashed_at is null)::int as count,
  c.cover_path, c.cover_kind`;

// The newest finished output of the session: its thumbnail (an image's original without one).
export const SESSION_COVER = sql`left join lateral (
    select coalesce(g.outputs -> 0 ->> 'thumb_path', case when g.kind = 'image' then g.outputs -> 0 ->> 'path' end) as cover_path,
           g.kind as cover_kind
    from generations g
    where g.workspace_id = w.id and g.trashed_at is null and g.status = 'completed' and jsonb_array_length(g.outputs) > 0
    order by g.created_at desc limit 1
  ) c on true`;

export async function toPublicSession(row: SessionRow): Promise<PublicSession> {
  return {
    id: row.id,
    title: row.title,
    archived: row.archived_at !== null,
    created_at: row.created_at.toISOString(),
    last_activity_at: row.last_activity_at.toISOString(),
    count: row.count,
    cover_url: row.cover_path ? await storage().signedUrl(row.cover_path, COVER_URL_SECONDS) : null,
    cover_kind: row.cover_kind,
  };
}

export async function listSessions(userId: string, query: ListSessionsQuery) {
  const order =
    query.sort === "title"
      ? sql`lower(w.title), w.id`
      : query.sort === "created"
        ? sql`w.created_at desc, w.id desc`
        : sql`w.last_activity_at desc, w.id desc`;
  const rows = await sql<SessionRow[]>`
    select ${SESSION_COLUMNS} from workspaces w ${SESSION_COVER}
    where w.user_id = ${userId}
      and ${query.archived ? sql`w.archived_at is not null` : sql`w.archived_at is null`}
      ${query.q ? sql`and w.title ilike ${containsPattern(query.q)}` : sql``}
    order by ${order}
    limit ${query.limit + 1} offset ${query.offset}`;
  return {
    items: await Promise.all(rows.slice(0, query.limit).map(toPublicSession)),
    next_offset: rows.length > query.limit ? query.offset + query.limit : null,
  };
}
