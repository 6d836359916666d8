import "server-only";
// A running run as the engine reads it under the run's lock: the graph it runs, its nodes, the
// generations they made or reused, and what each finished node gives the nodes after it.
import type { TransactionSql } from "postgres";
import { type FlowRunRow, type RunNodeRow, runNodes, valueOfGeneration } from "@/lib/db/flow-runs";
import { topologicalOrder } from "@/lib/flows/graph-order";
import type { FlowGraph, FlowNode } from "@/lib/flows/graph-schema";
import { graphImages } from "@/lib/flows/image-ref";
import type { NodeValue } from "@/lib/flows/node-input";
import { textKey } from "@/lib/flows/node-key";
import { imageNodeValue } from "@/lib/flows/plan-run";
import type { GenerationStatus, RowOutput } from "@/lib/generations/types";

export type RunGeneration = {
  id: string;
  status: GenerationStatus;
  error: string | null;
  outputs: RowOutput[];
};

export type RunState = {
  graph: FlowGraph;
  byId: Map<string, FlowNode>;
  nodes: Map<string, RunNodeRow>;
  /** The run's node ids, every node after those it depends on. */
  order: string[];
  generations: Map<string, RunGeneration>;
  values: Map<string, NodeValue | undefined>;
};

export async function loadRunState(tx: TransactionSql, run: FlowRunRow): Promise<RunState> {
  const [version] = await tx<
    { graph: FlowGraph }[]
  >`select graph from flow_versions where id = ${run.version_id}`;
  if (!version) throw new Error(`run ${run.id} has no version`);
  const graph = version.graph;
  const rows = await runNodes(tx, [run.id]);
  const nodes = new Map(rows.map((r) => [r.node_id, r]));
  const ids = rows.flatMap((r) => (r.generation_id ? [r.generation_id] : []));
  const gens = ids.length
    ? await tx<RunGeneration[]>`
        select id, status, error, outputs from generations where id = any(${ids}::uuid[]) and user_id = ${run.user_id}`
    : [];
  const generations = new Map(gens.map((g) => [g.id, g]));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const sorted = topologicalOrder(graph);
  const order = "order" in sorted ? sorted.order.filter((id) => nodes.has(id)) : [];
  const images = await graphImages(run.user_id, graph);
  const values = new Map<string, NodeValue | undefined>();
  for (const id of order) {
    const node = byId.get(id);
    const row = nodes.get(id);
    if (!node || !row) continue;
    if (node.type === "text") values.set(id, { key: textKey(node.data.text), text: node.data.text });
    else if (node.type === "image") {
      const value = imageNodeValue(node, images);
      if (value) values.set(id, value);
    } else if (row.generation_id) {
      // Done, reused, or running with its generation just completed (taken in by this step).
      const g = generations.get(row.generation_id);
      if (g?.status === "completed") values.set(id, valueOfGeneration(g));
    }
  }
  return { graph, byId, nodes, order, generations, values };
}

/** The distinct nodes feeding `id`. */
export function parentsOf(state: RunState, id: string): string[] {
  return [...new Set(state.graph.edges.filter((e) => e.target === id).map((e) => e.source))];
}
