import "server-only";
// Run by the reconciler: removes the raw object of every upload slot past its expiry that was
// never completed (or came back after completion, while its token still worked), so abandoned
// uploads do not stay in storage. A slot's token dies at its expiry, so nothing writes after it;
// the grace covers a request that was mid-flight at that moment.
import type { Logger } from "@/lib/log";
import { deleteIncoming } from "@/lib/uploads/incoming";
import { markCleared, unclearedExpiredUploads } from "@/lib/uploads/upload-rows";

const GRACE_SECONDS = 10 * 60;
const BATCH = 100;

export async function sweepExpiredUploads(log: Logger): Promise<number> {
  let cleared = 0;
  for (const row of await unclearedExpiredUploads(GRACE_SECONDS, BATCH)) {
    try {
      await deleteIncoming(row.incoming_path);
      await markCleared(row.id);
      cleared++;
    } catch (error) {
      log.warn("could not remove an expired upload", { uploadId: row.id, error });
    }
  }
  return cleared;
}
