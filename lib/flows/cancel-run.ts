import "server-only";
// Canceling a run: nodes not started never start, running generations are canceled (their
// charge refunded by the status trigger, their provider jobs stopped where the provider
// allows), and the unused reservation is released. Canceling an ended run changes nothing.
import { sql } from "@/lib/db/client";
import { lockRun, runNodes } from "@/lib/db/flow-runs";
import { finishRun } from "@/lib/flows/finish-run";
import { cancelProviderJob } from "@/lib/generations/cancel-provider-job";
import { cancel } from "@/lib/generations/lifecycle";
import type { GenerationRow } from "@/lib/generations/types";
import type { Logger } from "@/lib/log";

export async function cancelRun(runId: string, userId: string, log: Logger): Promise<void> {
  const stopped: GenerationRow[] = [];
  await sql.begin(async (tx) => {
    const run = await lockRun(tx, runId);
    if (!run || run.user_id !== userId || run.status !== "running") return;
    const nodes = await runNodes(tx, [run.id]);
    // Generation rows before the profile row, the order every status change takes them in
    // (its triggers touch the profile), so a completion racing this cancel cannot deadlock it.
    const running = nodes.flatMap((n) =>
      n.status === "running" && n.generation_id ? [n.generation_id] : [],
    );
    await tx`select id from generations where id = any(${running}::uuid[]) order by id for update`;
    for (const node of nodes) {
      if (node.status === "queued") {
        await tx`
          update flow_run_nodes set status = 'canceled', ended_at = now()
          where run_id = ${run.id} and node_id = ${node.node_id}`;
      } else if (node.status === "running" && node.generation_id) {
        const canceled = await cancel(node.generation_id, userId, tx);
        if (canceled) stopped.push(canceled);
        // One that ended just before keeps its outcome, which its own hook would have recorded.
        await tx`
          update flow_run_nodes n set
            status = case g.status when 'completed' then 'done' when 'failed' then 'failed' else 'canceled' end,
            error = case when g.status = 'failed' then g.error else n.error end,
            credits = case when g.status = 'completed' then n.credits else 0 end,
            ended_at = now()
          from generations g
          where n.run_id = ${run.id} and n.node_id = ${node.node_id} and g.id = n.generation_id`;
      }
    }
    // A node whose generation was deleted meanwhile has nothing left to cancel.
    await tx`
      update flow_run_nodes set status = 'canceled', credits = 0, ended_at = now()
      where run_id = ${run.id} and status = 'running'`;
    await finishRun(tx, run, "canceled");
  });
  for (const generation of stopped) await cancelProviderJob(generation, log);
}
