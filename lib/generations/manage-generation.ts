import "server-only";
// A user's own actions on one generation: read, cancel, delete. Someone else's is a 404.
import { deleteGenerationRow, getGenerationForUser, markCanceled } from "@/lib/db/generations";
import { AppError } from "@/lib/errors";
import type { GenerationRow } from "@/lib/generations/types";
import type { Logger } from "@/lib/log";
import { getModel } from "@/lib/models-config";
import { credentialForGeneration } from "@/lib/providers/credentials";
import { providerAdapter } from "@/lib/providers/registry";
import { storage } from "@/lib/storage";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function requireOwnGeneration(id: string, userId: string): Promise<GenerationRow> {
  const row = UUID.test(id) ? await getGenerationForUser(id, userId) : null;
  if (!row) throw new AppError("not_found", "Generation not found.");
  return row;
}

export async function cancelGeneration(id: string, userId: string, log: Logger): Promise<GenerationRow> {
  const current = await requireOwnGeneration(id, userId);
  const canceled = await markCanceled(current.id, userId);
  if (!canceled) throw new AppError("conflict", `This generation is already ${current.status}.`);
  const model = getModel(canceled.model_id);
  if (model && canceled.provider_job_id) {
    // Best effort: our row is canceled whatever the provider answers.
    await providerAdapter(canceled.provider)
      .cancel(model, canceled.provider_job_id, await credentialForGeneration(canceled))
      .catch((error) => log.warn("provider cancel failed", { generationId: id, error }));
  }
  return canceled;
}

export async function deleteGeneration(id: string, userId: string, log: Logger): Promise<void> {
  await requireOwnGeneration(id, userId);
  const deleted = await deleteGenerationRow(id, userId);
  if (!deleted) throw new AppError("not_found", "Generation not found.");
  const paths = deleted.outputs.flatMap((o) => (o.thumb_path ? [o.path, o.thumb_path] : [o.path]));
  if (paths.length)
    await storage()
      .delete(paths)
      .catch((error) => log.error("could not delete files", { generationId: id, error }));
}
