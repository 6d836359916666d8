// Gallery fixtures: generations written straight into the database (prompts, models, kinds,
// stars, tags, sessions, dates), for tests of the list, bulk actions and sessions that need
// many rows without running jobs.
import type { Sql } from "postgres";

export type SeedRow = {
  prompt?: string;
  model?: string;
  provider?: "replicate" | "fal" | "google";
  kind?: "image" | "video";
  status?: "completed" | "failed" | "queued";
  starred?: boolean;
  tags?: string[];
  session?: string | null;
  createdAt?: string;
  trashedAt?: string | null;
};

/** Inserts rows for the user, in the order given (each a second older than the one before). */
export async function seedGenerations(sql: Sql, userId: string, rows: SeedRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, row] of rows.entries()) {
    const status = row.status ?? "completed";
    const [inserted] = await sql<{ id: string }[]>`
      insert into generations (user_id, model_id, provider, kind, status, input, prompt, starred, tags,
                               workspace_id, created_at, completed_at, trashed_at)
      values (${userId}, ${row.model ?? "flux-schnell"}, ${row.provider ?? "replicate"}, ${row.kind ?? "image"},
              ${status}, ${sql.json({ prompt: row.prompt ?? "" })}, ${row.prompt ?? null}, ${row.starred ?? false},
              ${row.tags ?? []}::text[], ${row.session ?? null},
              coalesce(${row.createdAt ?? null}::timestamptz, now() - make_interval(secs => ${index})),
              case when ${status} in ('completed', 'failed') then now() end, ${row.trashedAt ?? null})
      returning id`;
    ids.push(inserted?.id ?? "");
  }
  return ids;
}

/**
 * `count` completed generations for the user in one statement, the way bulk changes write
 * (one version bump for the statement, lib/gallery/bulk-version.ts), so thousands take a moment.
 */
export async function seedMany(
  sql: Sql,
  userId: string,
  count: number,
  prompt = "bulk item",
): Promise<string[]> {
  return sql.begin(async (tx) => {
    await tx`select set_config('atelier.bulk_update', 'on', true)`;
    const rows = await tx<{ id: string }[]>`
      insert into generations (user_id, model_id, provider, kind, status, input, prompt, created_at, completed_at)
      select ${userId}, 'flux-schnell', 'replicate', 'image', 'completed', '{}'::jsonb, ${prompt} || ' ' || n,
             now() - make_interval(secs => n), now()
      from generate_series(1, ${count}) n returning id`;
    await tx`update profiles set generations_version = generations_version + 1 where id = ${userId}`;
    return rows.map((row) => row.id);
  });
}

export async function newSession(sql: Sql, userId: string, title: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into workspaces (user_id, title) values (${userId}, ${title}) returning id`;
  return row?.id ?? "";
}

export async function userIdOf(sql: Sql, email: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`select id from profiles where email = ${email}`;
  if (!row) throw new Error(`no profile for ${email}`);
  return row.id;
}
