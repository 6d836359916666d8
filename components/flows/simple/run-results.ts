// What a run shows a person on the simple page: the results that reach its Output nodes (or, in
// a flow without one, those of its last steps), as they finish, and how far it has got. Pure.
import type { FlowGraph, RunOutput, RunView } from "@/lib/flows/graph";
import { isNodeEnded } from "@/lib/flows/graph";

export type RunResult = { key: string; generationId: string; output: RunOutput };

export function resultsOf(graph: Pick<FlowGraph, "nodes" | "edges">, run: RunView): RunResult[] {
  const outputs = new Set(graph.nodes.filter((n) => n.type === "output").map((n) => n.id));
  const feeding = new Set(graph.edges.map((e) => e.source));
  const sources = outputs.size
    ? graph.edges.filter((e) => outputs.has(e.target)).map((e) => e.source)
    : graph.nodes.filter((n) => n.type === "generate" && !feeding.has(n.id)).map((n) => n.id);
  const byId = new Map(run.nodes.map((n) => [n.node_id, n]));
  return [...new Set(sources)].flatMap((id) => {
    const node = byId.get(id);
    const generationId = node?.generation_id ?? node?.reused_from;
    if (!node || !generationId || (node.status !== "done" && node.status !== "reused")) return [];
    return node.outputs.map((output, index) => ({ key: `${id}-${index}`, generationId, output }));
  });
}

/** Steps that ran or were reused, of those the run planned; nodes that only hold a value do not count. */
export function progressOf(run: RunView): { ended: number; total: number } {
  const steps = run.nodes.filter((n) => n.estimated_credits > 0 || n.generation_id || n.status === "running");
  const counted = steps.length ? steps : run.nodes;
  return { ended: counted.filter((n) => isNodeEnded(n.status)).length, total: counted.length };
}

/** The first step's error, to say why a run failed. */
export function failureOf(run: RunView): string | null {
  const failed = run.nodes.find((n) => n.status === "failed" && n.error && n.error !== "Input failed.");
  return failed?.error ?? run.nodes.find((n) => n.error)?.error ?? null;
}
