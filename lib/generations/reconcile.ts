import "server-only";
// Finishes what webhooks did not: asks providers about generations that went quiet, fails
// those past their model's maximum duration or never submitted, takes back jobs of dead
// worker pools, and sweeps temp files a crash left in local storage and uploads abandoned
// before completion. (Webhook deliveries are retried by their own jobs.) Driven by POST /api/cron/reconcile (Vercel Cron, or the dev/PM2
// interval).
import { staleActiveGenerations, touchGeneration } from "@/lib/db/generations";
import { nudgeQuietRuns } from "@/lib/flows/nudge-quiet-runs";
import { applyJobState } from "@/lib/generations/apply-job-state";
import { fail, timeOut as markTimedOut } from "@/lib/generations/lifecycle";
import { isProviderRunning } from "@/lib/generations/status";
import type { GenerationRow } from "@/lib/generations/types";
import { submitJobKey } from "@/lib/jobs/definitions";
import { hasLiveJob } from "@/lib/jobs/pending";
import { recoverAbandonedJobs } from "@/lib/jobs/pools";
import type { Logger } from "@/lib/log";
import { getModel } from "@/lib/models-config";
import { credentialForGeneration } from "@/lib/providers/credentials";
import { providerAdapter } from "@/lib/providers/registry";
import { reportKeyFailure } from "@/lib/providers/token-pool";
import type { JobState } from "@/lib/providers/types";
import { sweepStaleTempFiles } from "@/lib/storage";
import { sweepExpiredUploads } from "@/lib/uploads/sweep-uploads";

/** How long a job may go without news before we ask the provider. */
const QUIET_SECONDS = 60;
/** A row never submitted and without a live submit job (it was dead-lettered) is failed after this. */
const UNSUBMITTED_GRACE_SECONDS = 120;
const BATCH = 100;
/** A temp file must be half an hour old to go; walking the storage tree more often finds little. */
const TEMP_SWEEP_EVERY_MS = 5 * 60_000;
let nextTempSweepAt = 0;

export type ReconcileReport = {
  deadPools: number;
  polled: number;
  completed: number;
  failed: number;
  tempFiles: number;
  expiredUploads: number;
};

export async function reconcile(log: Logger): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    deadPools: await recoverAbandonedJobs(),
    polled: 0,
    completed: 0,
    failed: 0,
    tempFiles: 0,
    expiredUploads: 0,
  };
  // One at a time: each may run the media pipeline, which is bounded per process anyway.
  for (const generation of await staleActiveGenerations(QUIET_SECONDS, BATCH)) {
    const outcome = await reconcileGeneration(generation, log);
    if (outcome === "polled") report.polled++;
    if (outcome === "completed") report.completed++;
    if (outcome === "failed") report.failed++;
  }
  if (Date.now() >= nextTempSweepAt) {
    nextTempSweepAt = Date.now() + TEMP_SWEEP_EVERY_MS;
    report.tempFiles = await sweepStaleTempFiles().catch((error) => {
      log.error("temp file sweep failed", { error });
      return 0;
    });
  }
  report.expiredUploads = await sweepExpiredUploads(log).catch((error) => {
    log.error("expired upload sweep failed", { error });
    return 0;
  });
  await nudgeQuietRuns().catch((error) => log.error("nudging flow runs failed", { error }));
  return report;
}

async function reconcileGeneration(
  generation: GenerationRow,
  log: Logger,
): Promise<"polled" | "completed" | "failed"> {
  const model = getModel(generation.model_id);
  const ageSeconds = (Date.now() - generation.created_at.getTime()) / 1000;
  const maxSeconds = model?.maxDurationSeconds ?? 15 * 60;
  const jobId = generation.provider_job_id;
  if (!jobId) {
    if (ageSeconds < UNSUBMITTED_GRACE_SECONDS || (await hasLiveJob(submitJobKey(generation.id))))
      return "polled";
    await fail(generation.id, "The job could not be submitted to the provider.");
    return "failed";
  }
  // The job belongs to the account of the key it was submitted with.
  const credential = await credentialForGeneration(generation);
  const adapter = providerAdapter(generation.provider);
  const overdue = ageSeconds > maxSeconds;
  const timeOut = async () => {
    await markTimedOut(generation.id, maxSeconds);
    if (model) await adapter.cancel(model, jobId, credential).catch(() => {});
    return "failed" as const;
  };
  if (!model) return timeOut();
  let state: JobState;
  try {
    state = await adapter.fetchStatus(model, jobId, credential);
  } catch (error) {
    log.warn("status poll failed", { generationId: generation.id, error });
    await reportKeyFailure(credential, error, generation.provider).catch(() => {});
    if (overdue) return timeOut();
    await touchGeneration(generation.id);
    return "polled";
  }
  // Overdue but finished all the same (say the process storing its outputs died and the claim's
  // lease ran out after the deadline): the result exists, so it gets one try at being stored.
  const running = isProviderRunning(state.status);
  if (overdue && running) return timeOut();
  try {
    await applyJobState(generation.id, state, log);
  } catch (error) {
    log.warn("storing the job's outputs failed", { generationId: generation.id, error });
    if (overdue) return timeOut();
    await touchGeneration(generation.id);
    return "polled";
  }
  if (running) await touchGeneration(generation.id);
  return state.status === "succeeded" ? "completed" : state.status === "failed" ? "failed" : "polled";
}
