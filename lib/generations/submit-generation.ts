import "server-only";
// Submits a queued generation to its provider: the `generation.submit` job, enqueued with the
// row (lib/db/generations.ts reserveGeneration). A provider's refusal fails the generation; a
// fault on our side or the network's throws, so the job is tried again with backoff, and the
// last try fails the generation with the reason instead.
import { freshInput } from "@/lib/assets/generation-inputs";
import { sql } from "@/lib/db/client";
import { forgetSubmission, getGeneration, recordSubmission } from "@/lib/db/generations";
import { appUrl } from "@/lib/env";
import { applyJobState } from "@/lib/generations/apply-job-state";
import { cancelProviderJob } from "@/lib/generations/cancel-provider-job";
import { fail } from "@/lib/generations/lifecycle";
import { isActive } from "@/lib/generations/status";
import type { GenerationRow } from "@/lib/generations/types";
import { scheduleWatch } from "@/lib/generations/watch-progress";
import type { JobContext } from "@/lib/jobs/tasks";
import type { Logger } from "@/lib/log";
import { getModel, type ModelDefinition } from "@/lib/models-config";
import { providerAdapter } from "@/lib/providers/registry";
import { PROVIDER_NAMES } from "@/lib/providers/token-pool";
import { tryEachKey } from "@/lib/providers/try-each-key";
import {
  type JobState,
  type ProviderCredential,
  ProviderError,
  type Submission,
} from "@/lib/providers/types";

export function webhookUrl(generation: Pick<GenerationRow, "id" | "provider">): string {
  const url = new URL(`/api/webhook/${generation.provider}`, appUrl());
  // The correlation parameter: which generation this job belongs to.
  url.searchParams.set("generation", generation.id);
  return url.toString();
}

export async function runSubmitJob(generationId: string, ctx: JobContext): Promise<void> {
  const generation = await getGeneration(generationId);
  // Canceled or deleted before its turn, or submitted by a run that died right after recording
  // the job (the provider reports on it; the reconciler asks if it goes quiet).
  if (!generation || !isActive(generation.status) || generation.provider_job_id) return;
  const model = getModel(generation.model_id);
  if (!model) {
    await fail(generation.id, `The model ${generation.model_id} is no longer offered.`);
    return;
  }
  try {
    // Links to our own files are signed now, however long ago the generation was created.
    await submitGeneration({
      generation: { ...generation, input: await freshInput(generation) },
      model,
      log: ctx.log,
    });
  } catch (error) {
    if (error instanceof ProviderError || ctx.finalAttempt) {
      if (!(error instanceof ProviderError)) ctx.log.error("submit failed", { generationId, error });
      await fail(generation.id, failureReason(generation, error));
      return;
    }
    ctx.log.warn("submit failed; the job will try again", { generationId, error });
    throw error;
  }
}

/** One submission, trying each usable key; throws what the last key got. */
async function submitGeneration(args: { generation: GenerationRow; model: ModelDefinition; log: Logger }) {
  const { generation, model, log } = args;
  const adapter = providerAdapter(generation.provider);
  // One attempt with one key: submit, record the job with its key, run a synchronous call.
  // Null when the generation was canceled or deleted before the job could be recorded.
  const attempt = async (credential: ProviderCredential) => {
    const submission: Submission = await adapter.submit({
      model,
      input: generation.input,
      webhookUrl: webhookUrl(generation),
      credential,
    });
    if (!(await recordSubmission(generation.id, submission.jobId, credential.tokenId))) {
      // Canceled or deleted while the job was being submitted, or submitted by another attempt
      // first: nobody wants this job any more.
      log.info("generation ended or was submitted elsewhere during its submission; canceling the job", {
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
    if (!submission.runAfterResponse) return { jobId: submission.jobId, state: null };
    try {
      const state: JobState = await submission.runAfterResponse();
      return { jobId: submission.jobId, state };
    } catch (error) {
      // The call made nothing: the next key (or the job's next try) submits afresh.
      await forgetSubmission(generation.id, submission.jobId);
      throw error;
    }
  };
  const { result: outcome } = await tryEachKey(generation.provider, attempt, (key, error) =>
    log.warn("provider key failed", {
      generationId: generation.id,
      tokenId: key.tokenId,
      reason: error.keyFailure,
    }),
  );
  // Webhook providers report back on their own (the reconciler asks about quiet jobs).
  if (outcome?.state) await applyJobState(generation.id, outcome.state, log);
  // One that reports a running job only when asked is watched; without it the job still ends.
  if (outcome && adapter.progressBy === "poll")
    await scheduleWatch(sql, generation.id).catch((error: unknown) =>
      log.warn("could not schedule the status watch", { generationId: generation.id, error }),
    );
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
