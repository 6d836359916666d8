// Keyset paging checks: rows that only microseconds tell apart, and a walk over every page.
import type { Sql } from "postgres";
import type { Client } from "./http";

/** Inserts `count` failed generations for the user, a microsecond apart within one millisecond. */
export async function insertWithinOneMillisecond(sql: Sql, userId: string, count: number): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    insert into generations (user_id, model_id, provider, kind, status, input, prompt, created_at, completed_at)
    select ${userId}, 'flux-schnell', 'replicate', 'image', 'failed', '{}'::jsonb, 'same ms ' || n, ts, ts
    from (select n, '2026-11-22 10:00:00.123000+00'::timestamptz + make_interval(secs => n / 1000000.0) ts
          from generate_series(1, ${count}) n) same_ms
    returning id`;
  return rows.map((row) => row.id);
}

/** Follows `next_cursor` from the first page of `path` to the last; returns every item id seen. */
export async function idsOnAllPages(client: Client, path: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: { id: string }[]; next_cursor: string | null } } = await client.get(
      cursor ? `${path}${path.includes("?") ? "&" : "?"}cursor=${cursor}` : path,
    );
    ids.push(...page.body.items.map((item) => item.id));
    cursor = page.body.next_cursor;
  } while (cursor);
  return ids;
}
