import "server-only";
// Flow runs and their nodes. Changes to a running run happen under its row lock (`lockRun`),
// taken first in every transaction that touches the run, so the engine, a cancel and a
// generation's end never interleave on one run.
import type { Sql, TransactionSql } from "postgres";
import { sql } from "@/lib/db/client";
import type { NodeValue } from "@/lib/flows/node-input";
import { fileKey, textKey } from "@/lib/flows/node-key";
import type { PlannedNode, Reusable } from "@/lib/flows/plan-run";
import type { NodeStatus, RunStatus } from "@/lib/flows/run-types";
import { isTextOutput, type RowOutput } from "@/lib/generations/types";

type Db = Sql | TransactionSql;

export type FlowRunRow = {
  id: string;
  flow_id: string;
  user_id: string;
  version_id: string;
  status: RunStatus;
  targets: string[];
  force: string[];
  retry_of: string | null;
  estimated_credits: number;
  reserve_left: number;
  revision: number;
  created_at: Date;
  updated_at: Date;
  ended_at: Date | null;
};

export type RunNodeRow = {
  run_id: string;
  node_id: string;
  seq: number;
  node_type: PlannedNode["type"];
  key: string | null;
  status: NodeStatus;
  generation_id: string | null;
  reused_from: string | null;
  estimated_credits: number;
  credits: number;
  error: string | null;
  started_at: Date | null;
  ended_at: Date | null;
};

export async function insertRunNodes(tx: TransactionSql, runId: string, nodes: readonly PlannedNode[]) {
  if (nodes.length === 0) return;
  const rows = nodes.map((n, seq) => ({
    run_id: runId,
    node_id: n.node_id,
    seq,
    node_type: n.type,
    key: n.key,
    status: n.status,
    generation_id: n.reused_from,
    reused_from: n.reused_from,
    estimated_credits: n.estimated_credits,
  }));
  await tx`insert into flow_run_nodes ${tx(rows)}`;
  await tx`update flow_run_nodes set ended_at = now() where run_id = ${runId} and status <> 'queued'`;
}

export async function lockRun(tx: TransactionSql, runId: string): Promise<FlowRunRow | null> {
  const [row] = await tx<FlowRunRow[]>`select * from flow_runs where id = ${runId} for update`;
  return row ?? null;
}

export async function getRunForUser(
  runId: string,
  flowId: string,
  userId: string,
): Promise<FlowRunRow | null> {
  const [row] = await sql<FlowRunRow[]>`
    select * from flow_runs where id = ${runId} and flow_id = ${flowId} and user_id = ${userId}`;
  return row ?? null;
}

export async function runNodes(db: Db, runIds: readonly string[]): Promise<RunNodeRow[]> {
  if (runIds.length === 0) return [];
  return db<
    RunNodeRow[]
  >`select * from flow_run_nodes where run_id = any(${runIds}::uuid[]) order by run_id, seq`;
}

export async function listRunsOfFlow(flowId: string, userId: string, limit: number): Promise<FlowRunRow[]> {
  return sql<FlowRunRow[]>`
    select * from flow_runs where flow_id = ${flowId} and user_id = ${userId}
    order by created_at desc, id desc limit ${limit}`;
}

export async function runningRunsOfUser(userId: string): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select id from flow_runs where user_id = ${userId} and status = 'running' order by created_at`;
  return rows.map((r) => r.id);
}

/** What a finished generation gives the nodes after it: its first output, a file or a text. */
export function valueOfGeneration(g: { id: string; outputs: readonly RowOutput[] }): NodeValue | undefined {
  const first = g.outputs[0];
  if (first && isTextOutput(first)) return { key: textKey(first.text), text: first.text, generationId: g.id };
  if (!first?.sha256 || !first.asset_id) return undefined;
  return { key: fileKey(first.sha256), asset: { id: first.asset_id, path: first.path }, generationId: g.id };
}

/** The user's newest completed generation with this key, if its result is still whole. */
export async function findReusable(db: Db, userId: string, key: string): Promise<Reusable | null> {
  const [row] = await db<{ id: string; outputs: RowOutput[] }[]>`
    select id, outputs from generations
    where user_id = ${userId} and flow_node_key = ${key} and status = 'completed'
    order by completed_at desc limit 1`;
  const value = row ? valueOfGeneration(row) : undefined;
  return row && value ? { generationId: row.id, value } : null;
}

/** Running runs nothing has moved for a while: the reconciler's candidates for another step. */
export async function quietRunningRuns(quietSeconds: number, limit: number): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select id from flow_runs
    where status = 'running' and updated_at < now() - make_interval(secs => ${quietSeconds})
    order by updated_at limit ${limit}`;
  return rows.map((r) => r.id);
}
