import "server-only";
// Webhook deliveries are recorded once, answered at once and processed after the response.
// An event that fails to process stays unprocessed; the reconciler retries it.
import { getGeneration } from "@/lib/db/generations";
import {
  claimWebhookEvent,
  markWebhookEventFailed,
  markWebhookEventProcessed,
} from "@/lib/db/webhook-events";
import { applyJobState } from "@/lib/generations/apply-job-state";
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
      // submission is recorded they cannot yet, so the reconciler retries the event later.
      if (generation.provider_job_id === null) {
        await markWebhookEventFailed(event.id, "submission not recorded yet");
        return;
      }
      log.warn("webhook job id does not match the generation", { eventId: event.event_id, jobId });
      await markWebhookEventProcessed(event.id);
      return;
    }
    await applyJobState(generation.id, state, log);
    await markWebhookEventProcessed(event.id);
  } catch (error) {
    log.error("webhook processing failed", { eventId: event.event_id, error });
    await markWebhookEventFailed(event.id, error instanceof Error ? error.message : String(error));
  }
}
