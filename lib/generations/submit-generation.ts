import "server-only";
// Submits a queued generation to its provider, after the create response has gone out.
import { markFailed, recordSubmission } from "@/lib/db/generations";
import { env } from "@/lib/env";
import { applyJobState } from "@/lib/generations/apply-job-state";
import { cancelProviderJob } from "@/lib/generations/cancel-provider-job";
import type { GenerationRow } from "@/lib/generations/types";
import type { Logger } from "@/lib/log";
import type { ModelDefinition } from "@/lib/models-config";
import { notifyGenerationFinished } from "@/lib/notifications/notify-generation-finished";
import { providerAdapter } from "@/lib/providers/registry";
import { PROVIDER_NAMES } from "@/lib/providers/token-pool";
import { tryEachKey } from "@/lib/providers/try-each-key";
import {
  type JobState,
  type ProviderCredential,
  ProviderError,
  type Submission,
} from "@/lib/providers/types";

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
  // One attempt with one key: submit, record the job with its key, run a synchronous call.
  // Null when the generation was canceled or deleted before the job could be recorded.
  const attempt = async (credential: ProviderCredential) => {
    const submission: Submission = await adapter.submit({
      model,
      input: generation.input,
      webhookUrl: webhookUrl(args.origin, generation),
      credential,
    });
    if (!(await recordSubmission(generation.id, submission.jobId, credential.tokenId))) {
      // Canceled or deleted while the job was being submitted: nobody wants it any more.
      log.info("generation ended during its submission; canceling the job", {
        generationId: generation.id,
        jobId: submission.jobId,
      });
      await cancelProviderJob(
        { ...generation, provider_job_id: submission.jobId, provider_token_id: credential.tokenId },
        log,
      );
      return null;
    }
    log.info("generation submitted", {
      generationId: generation.id,
      jobId: submission.jobId,
      tokenId: credential.tokenId,
    });
    const state: JobState | null = submission.runAfterResponse ? await submission.runAfterResponse() : null;
    return { jobId: submission.jobId, state };
  };
  try {
    const { result: outcome } = await tryEachKey(generation.provider, attempt, (key, error) =>
      log.warn("provider key failed", {
        generationId: generation.id,
        tokenId: key.tokenId,
        reason: error.keyFailure,
      }),
    );
    if (!outcome) return;
    // Webhook providers report back on their own (the reconciler asks about quiet jobs).
    if (outcome.state) await applyJobState(generation.id, outcome.state, log);
  } catch (error) {
    if (!(error instanceof ProviderError)) log.error("submit failed", { generationId: generation.id, error });
    if (await markFailed(generation.id, failureReason(generation, error))) {
      await notifyGenerationFinished(generation.id, log);
    }
  }
}

function failureReason(generation: GenerationRow, error: unknown): string {
  if (!(error instanceof ProviderError)) return "The provider could not be reached. Please try again.";
  const name = PROVIDER_NAMES[generation.provider];
  if (error.keyFailure === "rejected")
    return `${name} refused our API keys, so the job could not be started. Please try again later.`;
  if (error.keyFailure === "rate_limited")
    return `${name} is rate limiting our API keys right now. Please try again in a minute.`;
  if (error.keyFailure === "billing")
    return `Our ${name} account is out of credit, so the job could not be started. Please try again later.`;
  return error.message;
}
