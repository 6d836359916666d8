import "server-only";
// Runs a dead (or waiting-to-retry) job again now, with its attempts counted from zero. A job
// that is running cannot be touched; one that finished has left the queue.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { recordAudit } from "@/lib/audit";
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export async function retryJob(actor: Actor, id: string): Promise<{ id: string; attempts: number }> {
  assertAdmin(actor);
  if (!/^\d{1,18}$/.test(id)) throw new AppError("not_found", "Job not found.");
  return sql.begin(async (tx) => {
    const [job] = await tx<{ attempts: number; last_error: string | null; running: boolean }[]>`
      select attempts, last_error, (locked_at is not null and locked_at > now() - interval '4 hours') as running
      from graphile_worker.jobs where id = ${id}::bigint`;
    if (!job) throw new AppError("not_found", "Job not found; it may have completed.");
    if (job.running) throw new AppError("conflict", "This job is running right now.");
    await tx`
      select graphile_worker.reschedule_jobs(array[${id}::bigint], run_at => now(), attempts => 0)`;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "job.retry",
      targetType: "job",
      targetId: id,
      before: { attempts: job.attempts, last_error: job.last_error },
      after: { attempts: 0 },
    });
    return { id, attempts: 0 };
  });
}
