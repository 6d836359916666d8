import "server-only";
// Removes for good what has been in the trash longer than the retention setting: the files
// first, then the rows (their assets go with them). Files before rows, in the transaction
// that holds the rows: a crash in between leaves rows whose files are gone, which the next
// run removes, and never files that nothing points at any more.
import { sql } from "@/lib/db/client";
import { bumpListVersion, quietRowBumps } from "@/lib/gallery/bulk-version";
import type { Logger } from "@/lib/log";
import { getSetting } from "@/lib/settings/settings";
import { storage } from "@/lib/storage";

const BATCH = 100;

/** Every generation past its trash period, whoever owns it; returns how many were removed. */
export async function purgeTrash(log: Logger): Promise<number> {
  const days = await getSetting("trash_retention_days");
  let removed = 0;
  for (;;) {
    const count = await sql.begin(async (tx) => {
      await quietRowBumps(tx);
      const rows = await tx<{ id: string; user_id: string }[]>`
        select id, user_id from generations
        where trashed_at is not null and trashed_at < now() - make_interval(days => ${days})
        order by trashed_at limit ${BATCH} for update skip locked`;
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => row.id);
      // What the rows name and what was registered for them (thumbnails, posters, …).
      const files = await tx<{ path: string }[]>`
        select o ->> 'path' as path from generations g, jsonb_array_elements(g.outputs) o
        where g.id = any(${ids}::uuid[]) and o ->> 'path' is not null
        union
        select o ->> 'thumb_path' from generations g, jsonb_array_elements(g.outputs) o
        where g.id = any(${ids}::uuid[]) and o ->> 'thumb_path' is not null
        union
        select storage_path from assets where generation_id = any(${ids}::uuid[])`;
      if (files.length) await storage().delete(files.map((file) => file.path));
      await tx`delete from generations where id = any(${ids}::uuid[])`;
      await bumpListVersion(tx, [...new Set(rows.map((row) => row.user_id))]);
      return ids.length;
    });
    removed += count;
    if (count < BATCH) break;
  }
  if (removed) log.info("trash purged", { removed, retentionDays: days });
  return removed;
}
