import "server-only";
// The reconciler's part in flows: a run that nothing moved for a while gets another step. The
// engine is driven by its generations' ends; this only covers what those cannot, such as a
// generation deleted while it was ending, or a run waiting for a slot a non-flow job freed.
import { sql } from "@/lib/db/client";
import { quietRunningRuns } from "@/lib/db/flow-runs";
import { flowAdvanceJobKey } from "@/lib/jobs/definitions";
import { enqueueJob } from "@/lib/jobs/enqueue";

const QUIET_SECONDS = 60;
const BATCH = 100;

export async function nudgeQuietRuns(): Promise<number> {
  const ids = await quietRunningRuns(QUIET_SECONDS, BATCH);
  for (const runId of ids)
    await enqueueJob(sql, "flow.advance", { runId }, { jobKey: flowAdvanceJobKey(runId) });
  return ids.length;
}
