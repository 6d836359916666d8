// Keyset cursors for newest-first lists: (created_at, id) of the last row shown, opaque to
// clients. created_at travels as Postgres prints it (to the microsecond): a JS Date keeps only
// milliseconds, and a cursor cut to them would skip rows created within the same millisecond.
// Decoding checks both parts strictly, because they are cast in SQL (`::timestamptz`, `::uuid`)
// where a malformed value would be a server error instead of the 400 it deserves.
import { isIsoTimestamp } from "@/lib/api/dates";
import { AppError } from "@/lib/errors";

export type KeysetCursor = { createdAt: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string, field = "cursor"): KeysetCursor {
  const [createdAt, id, extra] = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (extra !== undefined || !id || !UUID.test(id) || !createdAt || !isIsoTimestamp(createdAt))
    throw new AppError("bad_request", `${field}: not a cursor from this list`, { field });
  return { createdAt, id: id.toLowerCase() };
}
