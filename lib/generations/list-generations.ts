import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/keyset-cursor";
import type { AuthUser } from "@/lib/auth/types";
import type { listQuery } from "@/lib/contracts/generations";
import { listGenerationRows } from "@/lib/db/generation-list";
import { serializeGenerations, urlBucket } from "@/lib/generations/serialize";

export { listQuery as listQuerySchema, MAX_PAGE_SIZE } from "@/lib/contracts/generations";

export type ListQuery = z.infer<typeof listQuery>;

/** The list's ETag: the user's change counter (read with the session), the query and the signed-URL hour. */
export function listEtag(user: AuthUser, query: ListQuery): string {
  const key = createHash("sha1")
    .update(JSON.stringify([user.generationsVersion, query, urlBucket()]))
    .digest("base64url");
  return `W/"${key}"`;
}

export async function listGenerations(userId: string, query: ListQuery) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await listGenerationRows(
    userId,
    { status: query.status, kind: query.kind },
    query.limit + 1,
    cursor,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await serializeGenerations(page),
    next_cursor:
      rows.length > query.limit && last ? encodeCursor({ createdAt: last.cursor_at, id: last.id }) : null,
  };
}
