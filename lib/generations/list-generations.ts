import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/keyset-cursor";
import type { AuthUser } from "@/lib/auth/types";
import type { listQuery } from "@/lib/contracts/generations";
import { type ListFilter, listGenerationIds, listGenerationRows } from "@/lib/db/generation-list";
import { utcInstant } from "@/lib/db/utc-timestamp";
import { serializeGenerations, urlBucket } from "@/lib/generations/serialize";

export { listQuery as listQuerySchema, MAX_PAGE_SIZE } from "@/lib/contracts/generations";

/** "Select all matching": at most as many as one bulk action takes. */
export const MAX_MATCHING_IDS = 10_000;

export type ListQuery = z.infer<typeof listQuery>;

/** The list's ETag: the user's change counter (read with the session), the query and the signed-URL hour. */
export function listEtag(user: AuthUser, query: ListQuery, scope = "list"): string {
  const key = createHash("sha1")
    .update(JSON.stringify([user.generationsVersion, scope, query, urlBucket()]))
    .digest("base64url");
  return `W/"${key}"`;
}

function filterOf(query: ListQuery, trashed: boolean): ListFilter {
  const { limit: _limit, cursor: _cursor, ...filter } = query;
  return { ...filter, trashed };
}

export async function listGenerations(userId: string, query: ListQuery, options: { trashed?: boolean } = {}) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await listGenerationRows(
    userId,
    filterOf(query, options.trashed ?? false),
    query.limit + 1,
    cursor,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await serializeGenerations(page),
    next_cursor:
      rows.length > query.limit && last
        ? encodeCursor({ createdAt: utcInstant(last.created_at), id: last.id })
        : null,
  };
}

/** Every id the filter matches (newest first, capped), and whether the cap cut the list. */
export async function listMatchingIds(userId: string, query: ListQuery, options: { trashed?: boolean } = {}) {
  const ids = await listGenerationIds(
    userId,
    filterOf(query, options.trashed ?? false),
    MAX_MATCHING_IDS + 1,
  );
  return { ids: ids.slice(0, MAX_MATCHING_IDS), truncated: ids.length > MAX_MATCHING_IDS };
}
