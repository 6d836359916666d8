import "server-only";
import { sql } from "@/lib/db/client";
import type { GenerationRow, GenerationStatus } from "@/lib/generations/types";
import type { ModelKind } from "@/lib/models-config";

export type ListFilter = { status?: GenerationStatus; kind?: ModelKind };
export type ListCursor = { createdAt: string; id: string };

// Only what the list shows: the input and receipts stay in the row for the detail view.
const LIST_COLUMNS = sql`id, model_id, provider, kind, status, prompt, error, outputs, created_at, completed_at`;

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
>;

/** Newest first, keyset-paginated on (created_at, id) so deep pages cost the same as the first. */
export async function listGenerationRows(
  userId: string,
  filter: ListFilter,
  limit: number,
  cursor: ListCursor | null,
): Promise<ListRow[]> {
  return sql<ListRow[]>`
    select ${LIST_COLUMNS} from generations
    where user_id = ${userId}
      ${filter.status ? sql`and status = ${filter.status}` : sql``}
      ${filter.kind ? sql`and kind = ${filter.kind}` : sql``}
      ${cursor ? sql`and (created_at, id) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)` : sql``}
    order by created_at desc, id desc
    limit ${limit}`;
}
