import "server-only";
// The one place where what a provider says about a job changes our row: webhooks, the
// reconciler's status polls and synchronous Gemini results all end here.
import { randomBytes } from "node:crypto";
import {
  cancel,
  claimOutputs,
  complete,
  fail,
  OUTPUTS_CLAIM_RENEW_MS,
  recordProgress,
  releaseOutputsClaim,
  renewOutputsClaim,
} from "@/lib/generations/lifecycle";
import { OUTPUT_LIMITS } from "@/lib/generations/media-limits";
import type { Logger } from "@/lib/log";
import { processOutputs } from "@/lib/media/process-outputs";
import { isMediaError, type MediaError, mediaObjectPaths } from "@/lib/media/types";
import { mediaWorker } from "@/lib/media/worker/media-worker-client";
import { mediaHostAllowlist } from "@/lib/providers/config";
import type { JobState } from "@/lib/providers/types";
import { storage } from "@/lib/storage";

// Worth another try later (the event stays unprocessed, the reconciler comes back to it);
// anything else about the file itself is final.
const TRANSIENT_MEDIA_ERRORS = new Set<MediaError["code"]>(["network_error", "timeout", "storage_failed"]);

export async function applyJobState(generationId: string, state: JobState, log: Logger): Promise<void> {
  switch (state.status) {
    case "queued":
    case "starting":
    case "processing":
      // The start is logged: it is the moment the owner's "Running" is measured against.
      if ((await recordProgress(generationId, state))?.started)
        log.info("generation started", { generationId });
      return;
    case "failed":
      if (await fail(generationId, state.error))
        log.info("generation failed", { generationId, reason: state.error });
      return;
    case "canceled":
      await cancel(generationId, null);
      return;
    case "succeeded":
      await storeOutputs(generationId, state.sources, log);
  }
}

/**
 * Stores a succeeded job's outputs, from exactly one path at a time. Webhooks, reconciler passes
 * and synchronous results can all report the same success at once; the first to claim the row
 * (claimOutputs) downloads and stores, every other one changes nothing and returns without
 * downloading. The claimer renews its claim while it works, writes under its own attempt folder
 * and only that attempt can publish them (complete needs the claim), so a claimer overtaken
 * after its lease ran out, or beaten by a cancel, deletes its own files and nobody else's.
 */
async function storeOutputs(
  generationId: string,
  sources: Extract<JobState, { status: "succeeded" }>["sources"],
  log: Logger,
) {
  // 12 hex digits: unique among the few attempts one generation ever has, short in a path.
  const attempt = randomBytes(6).toString("hex");
  const generation = await claimOutputs(generationId, attempt);
  // Finished already (duplicate or late news), or another path is storing these same outputs.
  if (!generation) return;
  let outputs: Awaited<ReturnType<typeof processOutputs>>;
  const renewal = setInterval(
    () => void renewOutputsClaim(generationId, attempt).catch(() => {}),
    OUTPUTS_CLAIM_RENEW_MS,
  );
  try {
    outputs = await processOutputs({
      generationId,
      userId: generation.user_id,
      attempt,
      sources,
      kind: generation.kind === "video" ? "video" : "image",
      storage: storage(),
      allowedHosts: mediaHostAllowlist(),
      limits: OUTPUT_LIMITS,
      worker: mediaWorker(),
    });
  } catch (error) {
    if (!isMediaError(error) || TRANSIENT_MEDIA_ERRORS.has(error.code)) {
      // The retry (this event again, or the reconciler's next poll) may claim at once; should
      // giving it back fail too, the lease runs out instead.
      await releaseOutputsClaim(generationId, attempt).catch(() => {});
      throw error;
    }
    await fail(generationId, error.message, attempt);
    log.warn("generation outputs refused", { generationId, reason: error.message });
    return;
  } finally {
    clearInterval(renewal);
  }
  if (await complete(generationId, attempt, outputs)) {
    log.info("generation completed", { generationId, files: outputs.length });
    return;
  }
  // Canceled meanwhile, or overtaken after the lease: these files are this attempt's alone.
  await storage().delete(outputs.flatMap(mediaObjectPaths));
}
