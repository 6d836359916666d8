// Planning a run: which nodes it covers (the targets and everything they depend on), which of
// them can reuse a finished result (same key, not forced) and what the rest will cost. Pure
// apart from the lookups it is handed, so it is tested without a database.
import type { FlowCatalog } from "@/lib/flows/catalog";
import { ancestorsOf, topologicalOrder } from "@/lib/flows/graph-order";
import type { FlowGraph, FlowNode, NodeOf } from "@/lib/flows/graph-schema";
import { handlesOf } from "@/lib/flows/handles";
import { llmModelOf, llmReusable } from "@/lib/flows/llm-step";
import { buildNodeInput, type NodeValue, PLACEHOLDER_URL } from "@/lib/flows/node-input";
import { fileKey, textKey, urlKey } from "@/lib/flows/node-key";
import type { NodeStatus } from "@/lib/flows/run-types";
import { type GraphIssue, validateGraph } from "@/lib/flows/validate-graph";
import type { ModelDefinition } from "@/lib/models-config";

/** A finished generation a node can reuse, with what it gives the nodes after it. */
export type Reusable = { generationId: string; value: NodeValue };

export type RunnableModel = {
  model: ModelDefinition;
  enabled: boolean;
  price: (input: Record<string, unknown>) => number;
  limits: { hourlyLimit: number; dailyModelCap: number; dailyCap: number };
};

export type PlanContext = {
  graph: FlowGraph;
  catalog: FlowCatalog;
  model: (id: string) => RunnableModel | undefined;
  /** The user's own images the graph names (lib/flows/image-ref.ts). */
  images: ImagesNamed;
  findReusable: (key: string) => Promise<Reusable | null>;
};

export type PlannedNode = {
  node_id: string;
  type: FlowNode["type"];
  key: string | null;
  status: Extract<NodeStatus, "queued" | "reused" | "done">;
  reused_from: string | null;
  estimated_credits: number;
};

export type Plan = { nodes: PlannedNode[]; credits: number; targets: string[] };

export type PlanResult = { ok: true; plan: Plan } | { ok: false; issues: GraphIssue[] };

export async function planRun(
  ctx: PlanContext,
  request: { targets?: readonly string[]; force?: readonly string[] },
): Promise<PlanResult> {
  const { graph } = ctx;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const unknown = (field: string, ids: readonly string[] = []) =>
    ids
      .filter((id) => !byId.has(id))
      .map((id) => ({ node_id: null, field, message: `No node “${id}” in this flow.` }));
  const requestIssues = [...unknown("targets", request.targets), ...unknown("force", request.force)];
  if (requestIssues.length) return { ok: false, issues: requestIssues };
  const targets = request.targets?.length ? [...new Set(request.targets)] : defaultTargets(graph);
  if (targets.length === 0)
    return {
      ok: false,
      issues: [{ node_id: null, field: "targets", message: "This flow has no nodes to run." }],
    };
  const selected = ancestorsOf(graph, targets);
  const issues = validateGraph(graph, ctx.catalog, { complete: selected });
  if (issues.length) return { ok: false, issues };
  const sorted = topologicalOrder(graph);
  const order = "order" in sorted ? sorted.order.filter((id) => selected.has(id)) : [];
  const force = new Set(request.force ?? []);
  const values = new Map<string, NodeValue | undefined>();
  const nodes: PlannedNode[] = [];
  for (const id of order) {
    const node = byId.get(id) as FlowNode;
    const planned = await planNode(ctx, node, values, force.has(id));
    if ("field" in planned) issues.push({ node_id: id, field: planned.field, message: planned.message });
    else nodes.push(planned);
  }
  if (issues.length) return { ok: false, issues };
  const credits = nodes.reduce((sum, n) => sum + n.estimated_credits, 0);
  return { ok: true, plan: { nodes, credits, targets } };
}

/** Every Output node; a flow without one runs every node nothing else depends on. */
export function defaultTargets(graph: FlowGraph): string[] {
  const outputs = graph.nodes.filter((n) => n.type === "output").map((n) => n.id);
  if (outputs.length) return outputs;
  const feeding = new Set(graph.edges.map((e) => e.source));
  return graph.nodes.filter((n) => !feeding.has(n.id)).map((n) => n.id);
}

type Planned = PlannedNode | { field: string; message: string };

async function planNode(
  ctx: PlanContext,
  node: FlowNode,
  values: Map<string, NodeValue | undefined>,
  forced: boolean,
): Promise<Planned> {
  const base = { node_id: node.id, type: node.type, reused_from: null, estimated_credits: 0 };
  switch (node.type) {
    case "text": {
      const value = { key: textKey(node.data.text), text: node.data.text };
      values.set(node.id, value);
      return { ...base, key: value.key, status: "done" };
    }
    case "image": {
      const value = imageNodeValue(node, ctx.images);
      if (!value) return { field: "asset_id", message: "This image is not in your library." };
      values.set(node.id, value);
      return { ...base, key: value.key, status: "done" };
    }
    case "output":
      return { ...base, key: null, status: "queued" };
    case "llm":
    case "generate": {
      const modelId = modelIdOf(node);
      const runnable = ctx.model(modelId);
      if (!runnable?.enabled)
        return {
          field: "model",
          message: `${runnable?.model.name ?? modelId} is not available right now.`,
        };
      const built = buildNodeInput({
        node,
        model: runnable.model,
        handles: handlesOf(node, ctx.catalog),
        edges: ctx.graph.edges,
        values,
        signed: () => PLACEHOLDER_URL,
      });
      if (!built.ok) return built;
      const { key, input } = built.built;
      const reusable = key && !forced && mayReuse(node) ? await ctx.findReusable(key) : null;
      values.set(node.id, reusable?.value);
      if (reusable) return { ...base, key, status: "reused", reused_from: reusable.generationId };
      return { ...base, key, status: "queued", estimated_credits: runnable.price(input) };
    }
  }
}

/** The catalog model a Generate or LLM node runs. */
export const modelIdOf = (node: NodeOf<"generate"> | NodeOf<"llm">): string =>
  node.type === "llm" ? llmModelOf(node) : node.data.model;

/** Whether a node's finished result may be reused: always for a Generate node (its seed is in its key). */
export const mayReuse = (node: NodeOf<"generate"> | NodeOf<"llm">): boolean =>
  node.type === "generate" || llmReusable(node);

type ImagesNamed = {
  byId: ReadonlyMap<string, { id: string; path: string; sha256: string }>;
  byLink: ReadonlyMap<string, { id: string; path: string; sha256: string }>;
};

/**
 * What an Image node gives: the user's asset it names (by id, or an older graph's link to our
 * own files), keyed by its bytes; or a link to someone else's image, keyed by the link.
 */
export function imageNodeValue(node: NodeOf<"image">, images: ImagesNamed): NodeValue | null {
  const asset = node.data.asset_id
    ? images.byId.get(node.data.asset_id)
    : node.data.url
      ? images.byLink.get(node.data.url)
      : undefined;
  if (asset) return { key: fileKey(asset.sha256), asset: { id: asset.id, path: asset.path } };
  if (node.data.asset_id || !node.data.url) return null;
  return { key: urlKey(node.data.url), url: node.data.url };
}
