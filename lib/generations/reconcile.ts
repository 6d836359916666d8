import "server-only";
// Finishes what webhooks did not: retries recorded-but-unprocessed events, asks providers
// about generations that went quiet, and fails those past their model's maximum duration.
// Driven by POST /api/cron/reconcile (Vercel Cron, or the dev/PM2 interval).
import { markFailed, staleActiveGenerations, touchGeneration } from "@/lib/db/generations";
import { unprocessedWebhookEvents } from "@/lib/db/webhook-events";
import { applyJobState } from "@/lib/generations/apply-job-state";
import type { GenerationRow } from "@/lib/generations/types";
import { processWebhookEvent } from "@/lib/generations/webhook-events";
import type { Logger } from "@/lib/log";
import { getModel } from "@/lib/models-config";
import { notifyGenerationFinished } from "@/lib/notifications/notify-generation-finished";
import { credentialForGeneration } from "@/lib/providers/credentials";
import { providerAdapter } from "@/lib/providers/registry";
import { reportKeyFailure } from "@/lib/providers/token-pool";

const EVENT_RETRY_AFTER_SECONDS = 15;
const EVENT_MAX_ATTEMPTS = 5;
/** How long a job may go without news before we ask the provider. */
const QUIET_SECONDS = 60;
/** A row never submitted (the process died before the provider call) is failed after this. */
const UNSUBMITTED_GRACE_SECONDS = 120;
const BATCH = 100;

export type ReconcileReport = { events: number; polled: number; completed: number; failed: number };

export async function reconcile(log: Logger): Promise<ReconcileReport> {
  const report: ReconcileReport = { events: 0, polled: 0, completed: 0, failed: 0 };
  for (const { id } of await unprocessedWebhookEvents(EVENT_RETRY_AFTER_SECONDS, EVENT_MAX_ATTEMPTS, BATCH)) {
    await processWebhookEvent(id, log);
    report.events++;
  }
  // One at a time: each may run the media pipeline, which is bounded per process anyway.
  for (const generation of await staleActiveGenerations(QUIET_SECONDS, BATCH)) {
    const outcome = await reconcileGeneration(generation, log);
    if (outcome === "polled") report.polled++;
    if (outcome === "completed") report.completed++;
    if (outcome === "failed") report.failed++;
  }
  return report;
}

async function reconcileGeneration(
  generation: GenerationRow,
  log: Logger,
): Promise<"polled" | "completed" | "failed"> {
  const model = getModel(generation.model_id);
  const ageSeconds = (Date.now() - generation.created_at.getTime()) / 1000;
  const maxSeconds = model?.maxDurationSeconds ?? 15 * 60;
  if (!generation.provider_job_id) {
    if (ageSeconds < UNSUBMITTED_GRACE_SECONDS) return "polled";
    if (await markFailed(generation.id, "The job could not be submitted to the provider."))
      await notifyGenerationFinished(generation.id, log);
    return "failed";
  }
  // The job belongs to the account of the key it was submitted with.
  const credential = await credentialForGeneration(generation);
  if (ageSeconds > maxSeconds || !model) {
    if (await markFailed(generation.id, `Timed out: no result after ${Math.round(maxSeconds / 60)} minutes.`))
      await notifyGenerationFinished(generation.id, log);
    if (model)
      await providerAdapter(generation.provider)
        .cancel(model, generation.provider_job_id, credential)
        .catch(() => {});
    return "failed";
  }
  try {
    const state = await providerAdapter(generation.provider).fetchStatus(
      model,
      generation.provider_job_id,
      credential,
    );
    await applyJobState(generation.id, state, log);
    if (state.status === "queued" || state.status === "processing") await touchGeneration(generation.id);
    return state.status === "succeeded" ? "completed" : state.status === "failed" ? "failed" : "polled";
  } catch (error) {
    log.warn("status poll failed", { generationId: generation.id, error });
    await reportKeyFailure(credential, error, generation.provider).catch(() => {});
    await touchGeneration(generation.id);
    return "polled";
  }
}
