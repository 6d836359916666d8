import "server-only";
import { sql } from "@/lib/db/client";

/** Whether a job with this key is waiting, running or due for another try (not dead). */
export async function hasLiveJob(jobKey: string): Promise<boolean> {
  const [row] = await sql<{ live: boolean }[]>`
    select exists (
      select 1 from graphile_worker.jobs where key = ${jobKey} and attempts < max_attempts
    ) as live`;
  return row?.live ?? false;
}
