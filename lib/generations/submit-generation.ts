import "server-only";
// Submits a queued generation to its provider, after the create response has gone out.
import { markFailed, recordSubmission } from "@/lib/db/generations";
import { env } from "@/lib/env";
import { applyJobState } from "@/lib/generations/apply-job-state";
import type { GenerationRow } from "@/lib/generations/types";
import type { Logger } from "@/lib/log";
import type { ModelDefinition } from "@/lib/models-config";
import { providerAdapter } from "@/lib/providers/registry";
import { ProviderError } from "@/lib/providers/types";

// Providers without webhooks (Veo) are polled for a while after the response; whatever is
// still running after that is the reconciler's.
const POLL_INTERVAL_MS = 5_000;
const POLL_WINDOW_MS = 55_000;

async function pollWhileWarm(generation: GenerationRow, model: ModelDefinition, jobId: string, log: Logger) {
  const deadline = Date.now() + POLL_WINDOW_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    const state = await providerAdapter(generation.provider).fetchStatus(model, jobId);
    await applyJobState(generation.id, state, log);
    if (state.status !== "queued" && state.status !== "processing") return;
  }
}

export function webhookUrl(origin: string, generation: GenerationRow): string {
  const url = new URL(`/api/webhook/${generation.provider}`, env.APP_URL ?? origin);
  // The correlation parameter: which generation this job belongs to.
  url.searchParams.set("generation", generation.id);
  return url.toString();
}

export async function submitGeneration(args: {
  generation: GenerationRow;
  model: ModelDefinition;
  origin: string;
  log: Logger;
}) {
  const { generation, model, log } = args;
  const adapter = providerAdapter(generation.provider);
  try {
    const submission = await adapter.submit({
      model,
      input: generation.input,
      webhookUrl: webhookUrl(args.origin, generation),
    });
    await recordSubmission(generation.id, submission.jobId);
    log.info("generation submitted", { generationId: generation.id, jobId: submission.jobId });
    if (submission.runAfterResponse)
      await applyJobState(generation.id, await submission.runAfterResponse(), log);
    else if (generation.provider === "google") await pollWhileWarm(generation, model, submission.jobId, log);
  } catch (error) {
    const reason =
      error instanceof ProviderError ? error.message : "The provider could not be reached. Please try again.";
    if (!(error instanceof ProviderError)) log.error("submit failed", { generationId: generation.id, error });
    await markFailed(generation.id, reason);
  }
}
