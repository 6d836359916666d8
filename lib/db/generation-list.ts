import "server-only";
import type { KeysetCursor } from "@/lib/api/keyset-cursor";
import { sql } from "@/lib/db/client";
import { containsPattern, type GalleryFilter } from "@/lib/gallery/list-filter";
import type { GenerationRow } from "@/lib/generations/types";

export type ListFilter = GalleryFilter & {
  /** The trash instead of the gallery: only trashed rows, newest first as ever. */
  trashed?: boolean;
};

// Only what the list shows: the input and receipts stay in the row for the detail view.
// `cursor_at` is created_at to the microsecond: a JS Date keeps milliseconds, and a cursor cut
// to them would skip rows created later within the same millisecond.
const LIST_COLUMNS = sql`id, model_id, provider, kind, status, prompt, error, outputs, created_at, completed_at,
  provider_status, started_at, progress,
  starred, tags, workspace_id, trashed_at, to_json(created_at) #>> '{}' as cursor_at`;

export type ListRow = Pick<
  GenerationRow,
  | "id"
  | "model_id"
  | "provider"
  | "kind"
  | "status"
  | "prompt"
  | "error"
  | "outputs"
  | "created_at"
  | "completed_at"
  | "provider_status"
  | "started_at"
  | "progress"
  | "starred"
  | "tags"
  | "workspace_id"
  | "trashed_at"
> & { cursor_at: string };

/**
 * The filter as SQL conditions on `generations`, every value a bound parameter. The prompt
 * search is words (full text, the expression of generations_prompt_fts_idx) or any part of
 * the text (ILIKE, generations_prompt_trgm_idx).
 */
export function filterConditions(userId: string, filter: ListFilter) {
  return sql`user_id = ${userId}
    and ${filter.trashed ? sql`trashed_at is not null` : sql`trashed_at is null`}
    ${filter.status ? sql`and status = ${filter.status}` : sql``}
    ${filter.kind ? sql`and kind = ${filter.kind}` : sql``}
    ${filter.model ? sql`and model_id = ${filter.model}` : sql``}
    ${filter.provider ? sql`and provider = ${filter.provider}` : sql``}
    ${filter.session ? sql`and workspace_id = ${filter.session}::uuid` : sql``}
    ${filter.tag ? sql`and tags @> array[${filter.tag}]::text[]` : sql``}
    ${filter.starred !== undefined ? sql`and starred = ${filter.starred}` : sql``}
    ${filter.from ? sql`and created_at >= ${filter.from}::date::timestamp at time zone 'UTC'` : sql``}
    ${filter.to ? sql`and created_at < (${filter.to}::date + 1)::timestamp at time zone 'UTC'` : sql``}
    ${
      filter.q
        ? sql`and (to_tsvector('english', coalesce(prompt, '')) @@ websearch_to_tsquery('english', ${filter.q})
                   or prompt ilike ${containsPattern(filter.q)})`
        : sql``
    }`;
}

/** Newest first, keyset-paginated on (created_at, id) so deep pages cost the same as the first. */
export async function listGenerationRows(
  userId: string,
  filter: ListFilter,
  limit: number,
  cursor: KeysetCursor | null,
): Promise<ListRow[]> {
  return sql<ListRow[]>`
    select ${LIST_COLUMNS} from generations
    where ${filterConditions(userId, filter)}
      ${
        // Through text: a timestamptz parameter would go through a JS Date and lose the microseconds.
        cursor
          ? sql`and (created_at, id) < (${cursor.createdAt}::text::timestamptz, ${cursor.id}::uuid)`
          : sql``
      }
    order by created_at desc, id desc
    limit ${limit}`;
}

/** The ids of every row the filter matches, newest first, up to `limit` ("select all matching"). */
export async function listGenerationIds(
  userId: string,
  filter: ListFilter,
  limit: number,
): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select id from generations where ${filterConditions(userId, filter)}
    order by created_at desc, id desc limit ${limit}`;
  return rows.map((row) => row.id);
}
