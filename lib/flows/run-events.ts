import "server-only";
// A run's end told to the outside, in the transaction that ends it: `flow_run.completed` or
// `flow_run.failed` for the owner's webhook endpoints, and the run's own `webhook_url` if it was
// started with one. A canceled run sends nothing, as a canceled generation does. The data holds
// no signed links (they expire, and a retry may come a day later): `api_url` reads the run with
// its results, with a session or a `flows:run` key.
import type { TransactionSql } from "postgres";
import { type FlowRunRow, runNodes } from "@/lib/db/flow-runs";
import { appUrl } from "@/lib/env";
import type { RunStatus } from "@/lib/flows/run-types";
import { enqueueOutboundEvent } from "@/lib/outbound-webhooks/enqueue-event";
import { queueRunWebhook } from "@/lib/outbound-webhooks/run-webhook";

export async function publishRunEnd(tx: TransactionSql, run: FlowRunRow): Promise<void> {
  const status: RunStatus = run.status;
  if (status !== "completed" && status !== "failed") {
    await queueRunWebhook(tx, run.id, null);
    return;
  }
  const type = `flow_run.${status}` as const;
  const data = await runEventData(tx, run);
  await enqueueOutboundEvent(tx, { userId: run.user_id, type, dedupeKey: `${type}:${run.id}`, data });
  await queueRunWebhook(tx, run.id, { type, data });
}

async function runEventData(tx: TransactionSql, run: FlowRunRow): Promise<Record<string, unknown>> {
  const nodes = await runNodes(tx, [run.id]);
  const path = `/api/flows/${run.flow_id}/runs/${run.id}`;
  return {
    id: run.id,
    flow_id: run.flow_id,
    version_id: run.version_id,
    status: run.status,
    estimated_credits: run.estimated_credits,
    charged_credits: nodes.reduce((sum, n) => sum + n.credits, 0),
    created_at: run.created_at.toISOString(),
    ended_at: run.ended_at?.toISOString() ?? null,
    nodes: nodes.map((n) => ({
      node_id: n.node_id,
      status: n.status,
      generation_id: n.generation_id,
      reused_from: n.reused_from,
      credits: n.credits,
      error: n.error,
    })),
    api_url: new URL(path, appUrl()).toString(),
    web_url: new URL(`/flows/${run.flow_id}/run?run=${run.id}`, appUrl()).toString(),
  };
}
