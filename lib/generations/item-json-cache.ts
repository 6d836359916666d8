import "server-only";

// Each listed generation's JSON, kept per row version for the hour its signed URLs are valid.
// A polled page changes one item at a time (a progress update, a star): the other items come
// from here instead of being read whole, parsed, rebuilt and written out again on every poll.
// Kept as UTF-8 bytes, the form they are sent in: a page is their concatenation, with no
// string of the whole page to build and encode (and collect) per request.
// The version is the row's `xmin`, which Postgres changes with every update of the row, so an
// entry can only be stale for a row that no longer has that version.

/** At most this many items per process (about 1 KB each). */
const MAX_ITEMS = 10_000;

type Entry = { version: string; json: Uint8Array };
const items = { bucket: -1, byId: new Map<string, Entry>() };

/** This hour's items: the signed URLs inside them change with the hour. */
function itemsOf(bucket: number): Map<string, Entry> {
  if (bucket !== items.bucket) {
    items.bucket = bucket;
    items.byId.clear();
  }
  return items.byId;
}

export function cachedItemJson(id: string, version: string, bucket: number): Uint8Array | undefined {
  const entry = itemsOf(bucket).get(id);
  return entry?.version === version ? entry.json : undefined;
}

export function cacheItemJson(id: string, version: string, bucket: number, json: Uint8Array): void {
  const byId = itemsOf(bucket);
  byId.delete(id);
  // The oldest entry makes room: a Map keeps the order entries were set in.
  if (byId.size >= MAX_ITEMS) byId.delete(byId.keys().next().value as string);
  byId.set(id, { version, json });
}
