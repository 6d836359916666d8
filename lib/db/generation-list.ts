import "server-only";
import type { KeysetCursor } from "@/lib/api/keyset-cursor";
import { sql } from "@/lib/db/client";
import type { GenerationRow, GenerationStatus } from "@/lib/generations/types";
import type { ModelKind } from "@/lib/models-config";

export type ListFilter = { status?: GenerationStatus; kind?: ModelKind };

// Only what the list shows: the input and receipts stay in the row for the detail view.
// `cursor_at` is created_at to the microsecond: a JS Date keeps milliseconds, and a cursor cut
// to them would skip rows created later within the same millisecond.
const LIST_COLUMNS = sql`id, model_id, provider, kind, status, prompt, error, outputs, created_at, completed_at,
  provider_status, started_at, progress,
  to_json(created_at) #>> '{}' as cursor_at`;

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
> & { cursor_at: string };

/** Newest first, keyset-paginated on (created_at, id) so deep pages cost the same as the first. */
export async function listGenerationRows(
  userId: string,
  filter: ListFilter,
  limit: number,
  cursor: KeysetCursor | null,
): Promise<ListRow[]> {
  return sql<ListRow[]>`
    select ${LIST_COLUMNS} from generations
    where user_id = ${userId}
      ${filter.status ? sql`and status = ${filter.status}` : sql``}
      ${filter.kind ? sql`and kind = ${filter.kind}` : sql``}
      ${
        // Through text: a timestamptz parameter would go through a JS Date and lose the microseconds.
        cursor
          ? sql`and (created_at, id) < (${cursor.createdAt}::text::timestamptz, ${cursor.id}::uuid)`
          : sql``
      }
    order by created_at desc, id desc
    limit ${limit}`;
}
