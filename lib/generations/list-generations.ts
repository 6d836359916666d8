import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/keyset-cursor";
import type { AuthUser } from "@/lib/auth/types";
import type { listQuery } from "@/lib/contracts/generations";
import {
  type ListFilter,
  type ListKey,
  listGenerationIds,
  listGenerationKeys,
  listRowsByIds,
} from "@/lib/db/generation-list";
import { utcInstant } from "@/lib/db/utc-timestamp";
import { cachedItemJson, cacheItemJson } from "@/lib/generations/item-json-cache";
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

const PAGE_START = Buffer.from('{"items":[');
const COMMA = Buffer.from(",");
// Each kept item gets bytes of its own: a small Buffer.from would be a slice of a shared 8 KB
// slab, and a kept slice keeps its whole slab alive.
const utf8 = new TextEncoder();

/**
 * A page of the list as the JSON the API sends (`{ items, next_cursor }`), in UTF-8: the
 * page's rows and versions first, then its items' bytes.
 */
export async function listGenerationsBody(
  userId: string,
  query: ListQuery,
  options: { trashed?: boolean } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const keys = await listGenerationKeys(
    userId,
    filterOf(query, options.trashed ?? false),
    query.limit + 1,
    cursor,
  );
  const page = keys.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    keys.length > query.limit && last
      ? encodeCursor({ createdAt: utcInstant(last.created_at), id: last.id })
      : null;
  const parts: Uint8Array[] = [PAGE_START];
  for (const item of await itemsJson(userId, page)) {
    if (parts.length > 1) parts.push(COMMA);
    parts.push(item);
  }
  parts.push(Buffer.from(`],"next_cursor":${JSON.stringify(nextCursor)}}`));
  return Buffer.concat(parts);
}

/**
 * The JSON of each row of a page, in its order. Items already built at their row's version this
 * hour are taken as they were written; only the others are read whole and serialized.
 */
async function itemsJson(userId: string, page: readonly ListKey[]): Promise<Uint8Array[]> {
  const nowMs = Date.now();
  const bucket = urlBucket(nowMs);
  const jsonById = new Map<string, Uint8Array>();
  const missing: string[] = [];
  for (const key of page) {
    const json = cachedItemJson(key.id, key.version, bucket);
    if (json) jsonById.set(key.id, json);
    else missing.push(key.id);
  }
  const rows = await listRowsByIds(userId, missing);
  for (const [i, item] of (await serializeGenerations(rows, nowMs)).entries()) {
    const { id, version } = rows[i] as (typeof rows)[number];
    const json = utf8.encode(JSON.stringify(item));
    cacheItemJson(id, version, bucket, json);
    jsonById.set(id, json);
  }
  // A row gone between the two reads (purged from the trash) leaves the page.
  return page.flatMap((key) => jsonById.get(key.id) ?? []);
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
