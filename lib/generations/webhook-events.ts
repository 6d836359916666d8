import "server-only";
// Webhook deliveries are recorded once with their `webhook.process` job, answered at once and
// processed by that job. An event that fails to process stays unprocessed with its error, and
// the job throws so the queue tries it again with backoff.
import { getGeneration } from "@/lib/db/generations";
import {
  claimWebhookEvent,
  markWebhookEventFailed,
  markWebhookEventProcessed,
  trimProcessedLogs,
} from "@/lib/db/webhook-events";
import { applyJobState } from "@/lib/generations/apply-job-state";
import { isProviderRunning } from "@/lib/generations/status";
import { isRetryLater, RetryLater } from "@/lib/jobs/retry-later";
import type { Logger } from "@/lib/log";
import { providerAdapter } from "@/lib/providers/registry";

export async function processWebhookEvent(eventRowId: string, log: Logger): Promise<void> {
  const event = await claimWebhookEvent(eventRowId);
  if (!event) return;
  try {
    const { jobId, state } = providerAdapter(event.provider).interpretWebhook(event.payload);
    const generation = event.generation_id ? await getGeneration(event.generation_id) : null;
    if (!generation) {
      log.warn("webhook for an unknown generation", { eventId: event.event_id, jobId });
      await markWebhookEventProcessed(event.id);
      return;
    }
    if (generation.provider_job_id !== jobId) {
      // The payload is trusted, the URL parameter only correlates: they must agree. Before the
      // submission is recorded they cannot yet, so the job tries the event again later.
      if (generation.provider_job_id === null) throw new RetryLater("submission not recorded yet");
      log.warn("webhook job id does not match the generation", { eventId: event.event_id, jobId });
      await markWebhookEventProcessed(event.id);
      return;
    }
    // When another path (the reconciler, another delivery) is storing this generation's
    // outputs right now, applyJobState changes nothing and the event still counts as processed:
    // the news is not lost. The claimer stores the same job's outputs and either completes the
    // row, fails it for good, or, on a failure worth retrying, gives the claim back and retries
    // through its own route (its job is retried, or the reconciler polls the row once it is
    // quiet). If its process dies, the claim's lease runs out and the reconciler asks the
    // provider again. The payload is only a hint; the provider stays the truth.
    await applyJobState(generation.id, state, log);
    await markWebhookEventProcessed(event.id);
    if (isProviderRunning(state.status)) await trimProcessedLogs(event.id);
  } catch (error) {
    if (isRetryLater(error))
      log.info("webhook arrived before its submission was recorded; it is tried again shortly", {
        eventId: event.event_id,
      });
    else log.warn("webhook processing failed", { eventId: event.event_id, error });
    await markWebhookEventFailed(event.id, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
