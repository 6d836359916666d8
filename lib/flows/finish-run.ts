import "server-only";
// Ending a run, however it ends: its status and time, and the release of whatever the nodes
// did not settle of the reservation. The release is one ledger entry per run (a unique key), so
// a second end, were one ever attempted, could not give the credits back twice. The end is told
// to the owner's webhooks in the same transaction (lib/flows/run-events.ts): it is sent exactly
// when the end commits.
import type { TransactionSql } from "postgres";
import type { FlowRunRow } from "@/lib/db/flow-runs";
import { publishRunEnd } from "@/lib/flows/run-events";
import type { RunStatus } from "@/lib/flows/run-types";

export async function finishRun(
  tx: TransactionSql,
  run: Pick<FlowRunRow, "id" | "user_id" | "reserve_left">,
  status: Exclude<RunStatus, "running">,
): Promise<void> {
  if (run.reserve_left > 0)
    await tx`
      insert into credit_ledger (user_id, flow_run_id, delta, reason, note)
      values (${run.user_id}, ${run.id}, ${run.reserve_left}, 'flow_release', ${`flow run ${status}: unused reservation`})`;
  const [ended] = await tx<FlowRunRow[]>`
    update flow_runs set status = ${status}, reserve_left = 0, ended_at = now(), revision = revision + 1, updated_at = now()
    where id = ${run.id} and status = 'running'
    returning *`;
  if (ended) await publishRunEnd(tx, ended);
}
