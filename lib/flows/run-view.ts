import "server-only";
// What a run looks like to its owner: each node's status, its result's files as signed links
// (or where it was reused from) and its receipt; and the flow's run history.
import { sql } from "@/lib/db/client";
import { type FlowRunRow, type RunNodeRow, runNodes } from "@/lib/db/flow-runs";
import type { RunNode, RunOutput, RunSummary, RunView } from "@/lib/flows/run-types";
import { type SerializableRow, serializeGenerations } from "@/lib/generations/serialize";

type GenerationOut = SerializableRow;

function summary(run: FlowRunRow, nodes: readonly RunNodeRow[]): RunSummary {
  return {
    id: run.id,
    flow_id: run.flow_id,
    version_id: run.version_id,
    status: run.status,
    targets: run.targets,
    estimated_credits: run.estimated_credits,
    charged_credits: nodes.reduce((sum, n) => sum + n.credits, 0),
    created_at: run.created_at.toISOString(),
    ended_at: run.ended_at?.toISOString() ?? null,
    nodes: nodes.map((n) => ({
      node_id: n.node_id,
      status: n.status,
      generation_id: n.generation_id,
      reused_from: n.reused_from,
      estimated_credits: n.estimated_credits,
      credits: n.credits,
      error: n.error,
    })),
  };
}

export async function runView(run: FlowRunRow): Promise<RunView> {
  const nodes = await runNodes(sql, [run.id]);
  const ids = nodes.flatMap((n) =>
    n.generation_id && (n.status === "done" || n.status === "reused") ? [n.generation_id] : [],
  );
  const rows = ids.length
    ? await sql<GenerationOut[]>`
        select id, model_id, provider, kind, status, prompt, error, outputs, created_at, completed_at
        from generations where id = any(${ids}::uuid[]) and user_id = ${run.user_id}`
    : [];
  const outputs = new Map<string, RunOutput[]>();
  const texts = new Map<string, string>();
  for (const g of await serializeGenerations(rows)) {
    // A text model's answer is the node's text (each idea of a brainstorm on its own), not a file.
    const answer = g.outputs.flatMap((o) => (o.text === undefined ? [] : [o.text]));
    if (answer.length > 0) texts.set(g.id, answer.join("\n\n"));
    outputs.set(
      g.id,
      g.outputs
        .filter((o) => o.text === undefined)
        .map((o) => ({
          asset_id: o.asset_id,
          mime: o.mime,
          url: o.url,
          thumb_url: o.thumbnail_url,
          width: o.width,
          height: o.height,
        })),
    );
  }
  const base = summary(run, nodes);
  return {
    ...base,
    nodes: base.nodes.map(
      (n): RunNode => ({
        ...n,
        outputs: (n.generation_id && outputs.get(n.generation_id)) || [],
        text: (n.generation_id && texts.get(n.generation_id)) || null,
      }),
    ),
  };
}

export async function runHistory(runs: readonly FlowRunRow[]): Promise<RunSummary[]> {
  const nodes = await runNodes(
    sql,
    runs.map((r) => r.id),
  );
  return runs.map((run) =>
    summary(
      run,
      nodes.filter((n) => n.run_id === run.id),
    ),
  );
}
