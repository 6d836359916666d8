// A run as the editor paints it: the run endpoint's answer (lib/flows/run-types.ts) keyed by
// node, so each node reads its own state with one selector.
import type { NodeStatus, RunOutput, RunStatus, RunView as RunWire } from "@/lib/flows/graph";

export type { RunWire };
export type NodeRunStatus = NodeStatus;

export type NodeRun = {
  status: NodeStatus;
  /** The generation whose result the node shows: its own, or the earlier one it reused. */
  generationId: string | null;
  reusedFrom: string | null;
  estimated: number;
  credits: number;
  error: string | null;
  outputs: RunOutput[];
  text: string | null;
};

export type RunView = {
  id: string;
  status: RunStatus;
  versionId: string;
  estimated: number;
  charged: number;
  nodes: Record<string, NodeRun>;
};

export function toRunView(run: RunWire): RunView {
  const nodes: Record<string, NodeRun> = {};
  for (const node of run.nodes)
    nodes[node.node_id] = {
      status: node.status,
      generationId: node.generation_id ?? node.reused_from,
      reusedFrom: node.reused_from,
      estimated: node.estimated_credits,
      credits: node.credits,
      error: node.error,
      outputs: node.outputs,
      text: node.text,
    };
  return {
    id: run.id,
    status: run.status,
    versionId: run.version_id,
    estimated: run.estimated_credits,
    charged: run.charged_credits,
    nodes,
  };
}

export const isRunning = (run: Pick<RunView, "status"> | null): boolean => run?.status === "running";
