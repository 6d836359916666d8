import "server-only";
// A user's own actions on one generation: read, cancel, delete. Someone else's is a 404.
import { cancelAndDeleteGeneration, getGenerationForUser } from "@/lib/db/generations";
import { AppError } from "@/lib/errors";
import { cancelProviderJob } from "@/lib/generations/cancel-provider-job";
import { cancel } from "@/lib/generations/lifecycle";
import { type GenerationRow, outputObjectPaths } from "@/lib/generations/types";
import type { Logger } from "@/lib/log";
import { storage } from "@/lib/storage";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function requireOwnGeneration(id: string, userId: string): Promise<GenerationRow> {
  const row = UUID.test(id) ? await getGenerationForUser(id, userId) : null;
  if (!row) throw new AppError("not_found", "Generation not found.");
  return row;
}

/** Cancels an active generation: refunded by the status change, its provider job stopped. */
export async function cancelGeneration(id: string, userId: string, log: Logger): Promise<GenerationRow> {
  const current = await requireOwnGeneration(id, userId);
  const canceled = await cancel(current.id, userId);
  if (!canceled) throw new AppError("conflict", `This generation is already ${current.status}.`);
  await cancelProviderJob(canceled, log);
  return canceled;
}

/**
 * Deletes a generation with its files. An active one is canceled on the way, as by a cancel
 * (refund, provider job stopped); a job submitted after this is stopped by the submitter.
 */
export async function deleteGeneration(id: string, userId: string, log: Logger): Promise<void> {
  const deleted = UUID.test(id) ? await cancelAndDeleteGeneration(id, userId) : null;
  if (!deleted) throw new AppError("not_found", "Generation not found.");
  const { row, canceled } = deleted;
  if (canceled) {
    log.info("generation canceled for deletion", { generationId: id });
    await cancelProviderJob(row, log);
  }
  const paths = row.outputs.flatMap(outputObjectPaths);
  if (paths.length)
    await storage()
      .delete(paths)
      .catch((error) => log.error("could not delete files", { generationId: id, error }));
}
