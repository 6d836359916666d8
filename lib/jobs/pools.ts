import "server-only";
// Which worker pools are alive, and taking back the jobs of those that are not. graphile-worker
// marks a job it runs with its pool's id (locked_by) and only frees a lock after four hours, as
// it cannot tell a slow job from a dead process. Every pool of ours records a heartbeat here;
// a job locked by a pool that has gone quiet (SIGKILL, OOM, a serverless function cut off) is
// unlocked and runs again on a live pool, within seconds rather than hours.
import { hostname } from "node:os";
import { sql } from "@/lib/db/client";

/** How often a live pool says so. */
export const HEARTBEAT_MS = 5_000;
/** A pool silent for this long is taken for dead; far above a heartbeat, so a slow tick is not. */
export const POOL_STALE_SECONDS = 20;

export async function recordHeartbeat(poolId: string, label: string): Promise<void> {
  await sql`
    insert into job_worker_pools (id, label, host, pid)
    values (${poolId}, ${label}, ${hostname()}, ${process.pid})
    on conflict (id) do update set seen_at = now()`;
}

export async function forgetPool(poolId: string): Promise<void> {
  await sql`delete from job_worker_pools where id = ${poolId}`;
}

/**
 * Unlocks jobs held by pools that stopped beating (or never recorded one: a job locked less
 * than the stale time ago is left alone, which covers a pool's first beat being in flight).
 * Returns how many pools were given up on. Safe to run from every process at once.
 */
export async function recoverAbandonedJobs(): Promise<number> {
  const [row] = await sql<{ pools: string[] }[]>`
    with dead as (
      select distinct j.locked_by
      from graphile_worker.jobs j
      where j.locked_by is not null
        and j.locked_at < now() - make_interval(secs => ${POOL_STALE_SECONDS})
        and not exists (
          select 1 from job_worker_pools p
          where p.id = j.locked_by and p.seen_at > now() - make_interval(secs => ${POOL_STALE_SECONDS}))
    )
    select coalesce(array_agg(locked_by), '{}') as pools from dead`;
  const pools = row?.pools ?? [];
  if (pools.length > 0) await sql`select graphile_worker.force_unlock_workers(${pools}::text[])`;
  await sql`delete from job_worker_pools where seen_at < now() - interval '1 day'`;
  return pools.length;
}

export type LivePool = { id: string; label: string; host: string | null; pid: number | null; seen_at: Date };

export async function livePools(): Promise<LivePool[]> {
  return sql<LivePool[]>`
    select id, label, host, pid, seen_at from job_worker_pools
    where seen_at > now() - make_interval(secs => ${POOL_STALE_SECONDS}) order by started_at`;
}
