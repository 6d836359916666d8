import "server-only";
// The one place where what a provider says about a job changes our row: webhooks, the
// reconciler's status polls and synchronous Gemini results all end here.
import {
  getGeneration,
  markCanceledByProvider,
  markCompleted,
  markFailed,
  markProcessing,
} from "@/lib/db/generations";
import { env } from "@/lib/env";
import { OUTPUT_LIMITS } from "@/lib/generations/media-limits";
import type { GenerationRow } from "@/lib/generations/types";
import type { Logger } from "@/lib/log";
import { processOutputs } from "@/lib/media/process-outputs";
import { mediaSemaphore } from "@/lib/media/semaphore";
import { isMediaError, type MediaError } from "@/lib/media/types";
import { mediaWorker } from "@/lib/media/worker/media-worker-client";
import { notifyGenerationFinished } from "@/lib/notifications/notify-generation-finished";
import { mediaHostAllowlist } from "@/lib/providers/config";
import type { JobState } from "@/lib/providers/types";
import { storage } from "@/lib/storage";

const isActive = (g: GenerationRow) => g.status === "queued" || g.status === "processing";

// Worth another try later (the event stays unprocessed, the reconciler comes back to it);
// anything else about the file itself is final.
const TRANSIENT_MEDIA_ERRORS = new Set<MediaError["code"]>(["network_error", "timeout", "storage_failed"]);

mediaSemaphore.setLimit(env.MAX_CONCURRENT_MEDIA);

export async function applyJobState(generationId: string, state: JobState, log: Logger): Promise<void> {
  switch (state.status) {
    case "queued":
      return;
    case "processing":
      await markProcessing(generationId);
      return;
    case "failed":
      if (await markFailed(generationId, state.error)) {
        log.info("generation failed", { generationId, reason: state.error });
        await notifyGenerationFinished(generationId, log);
      }
      return;
    case "canceled":
      await markCanceledByProvider(generationId);
      return;
    case "succeeded":
      await storeOutputs(generationId, state.sources, log);
  }
}

async function storeOutputs(
  generationId: string,
  sources: Extract<JobState, { status: "succeeded" }>["sources"],
  log: Logger,
) {
  const generation = await getGeneration(generationId);
  // Duplicate or late news about a finished job changes nothing.
  if (!generation || !isActive(generation)) return;
  await markProcessing(generationId);
  let outputs: Awaited<ReturnType<typeof processOutputs>>;
  try {
    outputs = await processOutputs({
      generationId,
      userId: generation.user_id,
      sources,
      kind: generation.kind === "video" ? "video" : "image",
      storage: storage(),
      allowedHosts: mediaHostAllowlist(),
      limits: OUTPUT_LIMITS,
      worker: mediaWorker(),
    });
  } catch (error) {
    if (!isMediaError(error) || TRANSIENT_MEDIA_ERRORS.has(error.code)) throw error;
    if (await markFailed(generationId, error.message)) await notifyGenerationFinished(generationId, log);
    log.warn("generation outputs refused", { generationId, reason: error.message });
    return;
  }
  if (await markCompleted(generationId, outputs)) {
    log.info("generation completed", { generationId, files: outputs.length });
    await notifyGenerationFinished(generationId, log);
    return;
  }
  // Another path (a duplicate event, the reconciler, a cancel) finished first: keep no orphans.
  await storage().delete(outputs.flatMap((o) => (o.thumb_path ? [o.path, o.thumb_path] : [o.path])));
}
