import "server-only";
// Starting a run: plan it, then in one transaction check the balance covers the nodes that will
// really run, record the run with its version and nodes, reserve their price in one ledger entry
// and enqueue the job that moves the run on. A refused run (bad graph, too few credits) writes
// nothing and charges nothing.
import type { TransactionSql } from "postgres";
import { sql } from "@/lib/db/client";
import { type FlowRunRow, insertRunNodes } from "@/lib/db/flow-runs";
import { type FlowRow, versionForRun } from "@/lib/db/flows";
import { AppError } from "@/lib/errors";
import { graphError } from "@/lib/flows/graph-error";
import type { FlowGraph } from "@/lib/flows/graph-schema";
import { planContext } from "@/lib/flows/plan-context";
import { type Plan, planRun } from "@/lib/flows/plan-run";
import type { RunRequest } from "@/lib/flows/run-types";
import { flowAdvanceJobKey } from "@/lib/jobs/definitions";
import { enqueueJob } from "@/lib/jobs/enqueue";

export async function planFor(userId: string, graph: FlowGraph, request: RunRequest): Promise<Plan> {
  const planned = await planRun(await planContext(userId, graph), request);
  if (!planned.ok) throw graphError(planned.issues);
  return planned.plan;
}

export async function startRun(args: {
  flow: FlowRow;
  graph: FlowGraph;
  request: RunRequest;
  retryOf?: string | null;
  /** Records what belongs with the run (an API run's webhook) in the transaction that starts it. */
  onStarted?: (tx: TransactionSql, run: FlowRunRow) => Promise<void>;
}): Promise<FlowRunRow> {
  const { flow, graph, request } = args;
  const plan = await planFor(flow.user_id, graph, request);
  return sql.begin(async (tx) => {
    const [owner] = await tx<{ credits: number }[]>`
      select credits from profiles where id = ${flow.user_id} and status = 'active' for update`;
    if (!owner) throw new AppError("forbidden", "This account is suspended.");
    if (owner.credits < plan.credits)
      throw new AppError(
        "payment_required",
        `Not enough credits: this run needs ${plan.credits} and you have ${owner.credits}.`,
        { details: { estimate: plan.credits, balance: owner.credits } },
      );
    const versionId = await versionForRun(tx, flow, graph);
    const [run] = await tx<FlowRunRow[]>`
      insert into flow_runs (flow_id, user_id, version_id, targets, force, retry_of, estimated_credits, reserve_left)
      values (${flow.id}, ${flow.user_id}, ${versionId}, ${plan.targets}, ${[...new Set(request.force ?? [])]},
              ${args.retryOf ?? null}, ${plan.credits}, ${plan.credits})
      returning *`;
    if (!run) throw new Error("run insert returned no row");
    await insertRunNodes(tx, run.id, plan.nodes);
    await args.onStarted?.(tx, run);
    if (plan.credits > 0)
      await tx`
        insert into credit_ledger (user_id, flow_run_id, delta, reason, note)
        values (${flow.user_id}, ${run.id}, ${-plan.credits}, 'flow_reserve', 'flow run reservation')`;
    await enqueueJob(tx, "flow.advance", { runId: run.id }, { jobKey: flowAdvanceJobKey(run.id) });
    return run;
  });
}
