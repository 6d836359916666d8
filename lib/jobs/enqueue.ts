import "server-only";
// Enqueues a job with plain SQL on the caller's connection or transaction, so the job exists
// exactly when the row change that causes it commits: a rollback or a crash before the commit
// leaves neither, and nothing after the commit can lose it.
import type { Sql, TransactionSql } from "postgres";
import { JOBS, type JobName, type JobPayload } from "@/lib/jobs/definitions";

export type Db = Sql | TransactionSql;

export async function enqueueJob<N extends JobName>(
  db: Db,
  name: N,
  payload: JobPayload<N>,
  options: { jobKey?: string; runAt?: Date } = {},
): Promise<string> {
  const job = JOBS[name];
  const checked = job.payload.parse(payload);
  const [row] = await db<{ id: string }[]>`
    select (graphile_worker.add_job(
      ${name},
      ${db.json(checked as never)}::json,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${job.maxAttempts},
      job_key => ${options.jobKey ?? null}
    )).id::text as id`;
  if (!row) throw new Error(`add_job returned nothing for ${name}`);
  return row.id;
}
