import "server-only";
// What goes into a download: the caller's completed generations among the ids asked for (in
// the trash or not theirs: left out), read in batches so memory stays flat however many there
// are, with a file name for each original and a manifest record of its prompt and parameters.
import { sql } from "@/lib/db/client";
import type { StoredOutput } from "@/lib/generations/types";

const BATCH = 200;

export type ZipRow = {
  id: string;
  model_id: string;
  provider: string;
  kind: string;
  prompt: string | null;
  input: Record<string, unknown>;
  outputs: StoredOutput[];
  tags: string[];
  starred: boolean;
  workspace_id: string | null;
  created_at: Date;
};

const DOWNLOADABLE = (userId: string, ids: string[]) => sql`
  user_id = ${userId} and id = any(${ids}::uuid[]) and trashed_at is null
  and status = 'completed' and jsonb_array_length(outputs) > 0`;

/** How many of `ids` the caller may download (decided before anything is streamed). */
export async function countDownloadable(userId: string, ids: string[]): Promise<number> {
  const [row] = await sql<
    { n: number }[]
  >`select count(*)::int as n from generations where ${DOWNLOADABLE(userId, ids)}`;
  return row?.n ?? 0;
}

/** The caller's completed, untrashed generations among `ids`, newest first, one batch at a time. */
export async function* zipRows(userId: string, ids: string[], withInput: boolean): AsyncGenerator<ZipRow[]> {
  const sorted = [...new Set(ids.map((id) => id.toLowerCase()))].sort();
  for (let i = 0; i < sorted.length; i += BATCH) {
    const batch = sorted.slice(i, i + BATCH);
    const rows = await sql<ZipRow[]>`
      select id, model_id, provider, kind, prompt, ${withInput ? sql`input` : sql`'{}'::jsonb as input`},
             outputs, tags, starred, workspace_id, created_at
      from generations where ${DOWNLOADABLE(userId, batch)}
      order by created_at desc, id desc`;
    if (rows.length) yield rows;
  }
}

/** `2026-11-30_<id>.png`, with `_2`, `_3`… for a generation's further outputs. */
export function fileNameFor(
  row: Pick<ZipRow, "id" | "created_at">,
  output: StoredOutput,
  index: number,
): string {
  const day = row.created_at.toISOString().slice(0, 10);
  const dot = output.path.lastIndexOf(".");
  const extension = dot > output.path.lastIndexOf("/") ? output.path.slice(dot + 1).toLowerCase() : "bin";
  return `${day}_${row.id}${index > 0 ? `_${index + 1}` : ""}.${extension}`;
}

export function manifestRecord(row: ZipRow) {
  return {
    id: row.id,
    files: row.outputs.map((output, index) => fileNameFor(row, output, index)),
    prompt: row.prompt,
    model: row.model_id,
    provider: row.provider,
    kind: row.kind,
    params: row.input,
    tags: row.tags,
    starred: row.starred,
    session_id: row.workspace_id,
    created_at: row.created_at.toISOString(),
  };
}
