import "server-only";
// The job queue for the console: every job with its state, attempts and last error, newest
// first, filtered by state and name; counts per state; the worker pools alive right now.
// Completed jobs leave the queue, so what is listed is what is still waiting, running,
// retrying or dead.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { sql } from "@/lib/db/client";
import { JOB_STATES, type JobState } from "@/lib/jobs/definitions";
import { type LivePool, livePools } from "@/lib/jobs/pools";
export const ADMIN_JOBS_PAGE = 100;

export type AdminJob = {
  id: string;
  name: string;
  state: JobState;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  run_at: Date;
  locked_by: string | null;
  created_at: Date;
  updated_at: Date;
};

export type AdminJobsReport = {
  items: AdminJob[];
  counts: Record<JobState, number>;
  pools: LivePool[];
};

// One definition of a job's state, used for the filter and the counts alike. A lock older than
// graphile-worker's own four-hour limit is no lock.
const STATE = sql`
  case
    when j.locked_at is not null and j.locked_at > now() - interval '4 hours' then 'running'
    when j.attempts >= j.max_attempts then 'dead'
    when j.attempts > 0 then 'retrying'
    when j.run_at > now() then 'scheduled'
    else 'queued'
  end`;

export async function listAdminJobs(
  actor: Actor,
  filter: { state?: JobState; name?: string },
): Promise<AdminJobsReport> {
  assertAdmin(actor);
  const items = await sql<AdminJob[]>`
    select * from (
      select j.id::text as id, t.identifier as name, ${STATE} as state, j.payload, j.attempts,
             j.max_attempts, j.last_error, j.run_at, j.locked_by, j.created_at, j.updated_at
      -- The public jobs view leaves the payload out; the console shows it, so this reads the
      -- library's table (graphile-worker 0.18's layout) directly.
      from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      ${filter.name ? sql`where t.identifier = ${filter.name}` : sql``}
    ) listed
    ${filter.state ? sql`where state = ${filter.state}` : sql``}
    order by created_at desc, id desc
    limit ${ADMIN_JOBS_PAGE}`;
  const rows = await sql<{ state: JobState; n: number }[]>`
    select ${STATE} as state, count(*)::int as n from graphile_worker.jobs j group by 1`;
  const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  for (const row of rows) counts[row.state] = row.n;
  return { items, counts, pools: await livePools() };
}
