import "server-only";
// Where no long-lived worker runs graphile-worker's cron (JOB_WORKER=on-request, serverless),
// the cron route keeps one trash.purge job scheduled for the next 03:17 UTC instead. The job
// key with `preserve_run_at` makes every call until then a no-op; once the job has run and
// left the queue, the next call schedules the following day's.
import { sql } from "@/lib/db/client";
import { JOBS } from "@/lib/jobs/definitions";

export function nextPurgeAt(now = new Date()): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 3, 17));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export async function scheduleTrashPurge(now = new Date()): Promise<void> {
  await sql`
    select graphile_worker.add_job('trash.purge', '{}'::json,
      run_at => ${nextPurgeAt(now).toISOString()}::timestamptz,
      max_attempts => ${JOBS["trash.purge"].maxAttempts},
      job_key => 'trash.purge:scheduled',
      job_key_mode => 'preserve_run_at')`;
}
