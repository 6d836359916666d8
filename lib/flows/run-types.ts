// What the flow API answers about estimates and runs, shared by the server that builds the
// answers and the editor that reads them. Browser-safe: types and constants only.
import type { FlowGraph } from "@/lib/flows/graph-schema";

/** A run: `running` until every node it planned has ended, then how it ended. */
export const RUN_STATUSES = ["running", "completed", "failed", "canceled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * A node in a run: `queued` (waiting for its inputs or a free slot), `running` (its generation
 * is at the provider), `reused` (an earlier result with the same key, 0 credits), `done`,
 * `failed` (its own error, or "input failed"), `canceled`.
 */
export const NODE_STATUSES = ["queued", "running", "reused", "done", "failed", "canceled"] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

export const isRunActive = (status: RunStatus) => status === "running";
export const isNodeEnded = (status: NodeStatus) => status !== "queued" && status !== "running";

/** The body of `POST /api/flows/[id]/estimate` and `/runs`. */
export type RunRequest = {
  /** Run these nodes and what they depend on; none: every Output node (or every last node). */
  targets?: string[];
  /** Run these again even where an earlier result could be reused. */
  force?: string[];
};

export type EstimateNode = {
  node_id: string;
  /** 0 for a node that will be reused, or has no price (text, image, output). */
  credits: number;
  /** The generation it will be reused from. */
  reused_from?: string;
};

export type Estimate = { credits: number; nodes: EstimateNode[] };

export type RunOutput = {
  asset_id: string | null;
  mime: string;
  url: string;
  thumb_url: string | null;
  width: number | null;
  height: number | null;
};

export type RunNode = {
  node_id: string;
  status: NodeStatus;
  generation_id: string | null;
  reused_from: string | null;
  /** What the node was estimated at, and what it cost (0 when reused, failed or canceled). */
  estimated_credits: number;
  credits: number;
  error: string | null;
  /** The result's files (images, a video with its poster); text for an LLM node. */
  outputs: RunOutput[];
  text: string | null;
};

export type RunView = {
  id: string;
  flow_id: string;
  version_id: string;
  status: RunStatus;
  targets: string[];
  estimated_credits: number;
  charged_credits: number;
  created_at: string;
  ended_at: string | null;
  nodes: RunNode[];
};

/** A run in the flow's history: its receipt, estimated against charged per node. */
export type RunSummary = Omit<RunView, "nodes"> & {
  nodes: Pick<
    RunNode,
    "node_id" | "status" | "generation_id" | "reused_from" | "estimated_credits" | "credits" | "error"
  >[];
};

/** A flow in the list of mine. */
export type FlowSummary = {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  runs: number;
  last_run_status: RunStatus | null;
  /** A thumbnail of the newest result any run of it made. */
  thumbnail_url: string | null;
};

export type FlowTemplate = {
  id: string;
  name: string;
  description: string;
  graph: FlowGraph;
};
