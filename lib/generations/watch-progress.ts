import "server-only";
// Follows a running job at a provider that only tells when asked (fal: one webhook, at the
// end): the `generation.watch` job asks the queue status once, records what it says (queued,
// in progress, the logs' progress) and comes back a second later, until the job has ended.
// The end itself is left to the webhook and, when that never comes, the reconciler; a watch
// that stops (a crash, a dead-lettered run) only costs the live progress.
import { getGeneration } from "@/lib/db/generations";
import { applyJobState } from "@/lib/generations/apply-job-state";
import { isActive, isProviderRunning } from "@/lib/generations/status";
import { watchJobKey } from "@/lib/jobs/definitions";
import { type Db, enqueueJob } from "@/lib/jobs/enqueue";
import type { Logger } from "@/lib/log";
import { getModel } from "@/lib/models-config";
import { credentialForGeneration } from "@/lib/providers/credentials";
import { providerAdapter } from "@/lib/providers/registry";

/** Between two status polls: a start is seen within about a second, as fal's own client polls. */
export const WATCH_INTERVAL_MS = 1_000;
/** After a failed poll (the provider or the network away), wait longer before asking again. */
const WATCH_RETRY_MS = 5_000;

/** Schedules the next poll of a generation's job; one per generation (its job key). */
export function scheduleWatch(db: Db, generationId: string, delayMs = WATCH_INTERVAL_MS): Promise<string> {
  return enqueueJob(
    db,
    "generation.watch",
    { generationId },
    { jobKey: watchJobKey(generationId), runAt: new Date(Date.now() + delayMs) },
  );
}

/** One poll: returns the delay before the next, or null once there is nothing left to watch. */
export async function watchProgress(generationId: string, log: Logger): Promise<number | null> {
  const generation = await getGeneration(generationId);
  const model = generation && getModel(generation.model_id);
  if (!generation || !model || !isActive(generation.status) || !generation.provider_job_id) return null;
  const adapter = providerAdapter(generation.provider);
  if (adapter.progressBy !== "poll") return null;
  try {
    const credential = await credentialForGeneration(generation);
    const state = await adapter.fetchStatus(model, generation.provider_job_id, credential);
    if (!isProviderRunning(state.status)) return null;
    await applyJobState(generation.id, state, log);
    return WATCH_INTERVAL_MS;
  } catch (error) {
    log.warn("status poll failed; trying again later", { generationId, error });
    return WATCH_RETRY_MS;
  }
}
