import "server-only";
// Submitting a generation right where it was created, instead of one more trip through the job
// queue: the flow engine hands a node it started to the provider as soon as its transaction
// commits. Its durable submit job is still created in that transaction, only scheduled a lease
// later, so a process that dies between the commit and the submission (or hangs in it) loses
// nothing: the job submits it then. Once submitted here the job is removed; a fault worth a
// retry brings it forward, to try again on its usual backoff.
import type { TransactionSql } from "postgres";
import { sql } from "@/lib/db/client";
import { runSubmitJob } from "@/lib/generations/submit-generation";
import { submitJobKey } from "@/lib/jobs/definitions";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { Logger } from "@/lib/log";

/**
 * How long a submission made in place has before the job takes over. Far above a provider's
 * answer to a submit; should one take longer all the same, the slower of the two submissions
 * finds the other recorded and cancels its own provider job (lib/db/generations.ts).
 */
export const SUBMIT_LEASE_SECONDS = 30;

/** The fallback submit job of a generation about to be submitted in place by `submitNow`. */
export async function enqueueSubmitFallback(tx: TransactionSql, generationId: string): Promise<void> {
  await enqueueJob(
    tx,
    "generation.submit",
    { generationId },
    { jobKey: submitJobKey(generationId), runAt: new Date(Date.now() + SUBMIT_LEASE_SECONDS * 1000) },
  );
}

/** Submits a committed generation now; call it after the transaction that enqueued its fallback. */
export async function submitNow(generationId: string, log: Logger): Promise<void> {
  const jobKey = submitJobKey(generationId);
  try {
    await runSubmitJob(generationId, { log, attempt: 1, finalAttempt: false });
  } catch {
    // A fault on our side or the network's (runSubmitJob logged it): the job retries, from now.
    await enqueueJob(sql, "generation.submit", { generationId }, { jobKey });
    return;
  }
  // Submitted, or refused and failed, or ended meanwhile: the fallback has nothing left to do.
  await sql`select graphile_worker.remove_job(${jobKey})`;
}

/** Submits several at once; one failing to reach its job does not stop the others. */
export async function submitAllNow(generationIds: readonly string[], log: Logger): Promise<void> {
  const results = await Promise.allSettled(generationIds.map((id) => submitNow(id, log)));
  for (const result of results)
    if (result.status === "rejected")
      log.warn("submitting in place failed; the submit job will", { error: result.reason });
}
