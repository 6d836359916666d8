import "server-only";
// The flow engine's ended hook: the run a generation belongs to moves on the moment it ends
// (its next nodes start, or fail with "Input failed", or the run ends). Any end frees one of the
// user's active slots, so the user's other running runs are moved on too, through their jobs.
import { sql } from "@/lib/db/client";
import { runningRunsOfUser } from "@/lib/db/flow-runs";
import { advanceRun } from "@/lib/flows/advance-run";
import type { GenerationRow } from "@/lib/generations/types";
import { flowAdvanceJobKey } from "@/lib/jobs/definitions";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { Logger } from "@/lib/log";

export async function advanceFlowsAfterEnd(generation: GenerationRow, log: Logger): Promise<void> {
  // A step that took in several ends at once leaves the hooks of the others nothing to do:
  // waiting for the run's lock only to find that out would hold up its next step.
  if (generation.flow_run_id && (await nodeStillRunning(generation.id)))
    await advanceRun(generation.flow_run_id, log);
  for (const runId of await runningRunsOfUser(generation.user_id)) {
    if (runId === generation.flow_run_id) continue;
    await enqueueJob(sql, "flow.advance", { runId }, { jobKey: flowAdvanceJobKey(runId) });
  }
}

/** Whether the node this generation runs for has not taken in its end yet. */
async function nodeStillRunning(generationId: string): Promise<boolean> {
  const [row] = await sql<{ running: boolean }[]>`
    select exists (
      select 1 from flow_run_nodes where generation_id = ${generationId} and status = 'running'
    ) as running`;
  return row?.running ?? true;
}

/** A generation deleted as it ended: the run that was waiting for it learns it is gone. */
export async function advanceFlowsAfterDelete(generationId: string, log: Logger): Promise<void> {
  const rows = await sql<{ run_id: string }[]>`
    select distinct run_id from flow_run_nodes where generation_id = ${generationId} and status = 'running'`;
  for (const { run_id } of rows) await advanceRun(run_id, log);
}
