// Everything wrong with a graph, per node and field. A saved graph must be well formed (known
// node types and models, every edge as `validateConnection` would allow it, no loops); a graph
// about to run must also be complete (required inputs connected or filled in, an image chosen,
// text written) for the nodes that will run. Its exposed inputs must name fields the nodes have,
// once each, with defaults those fields accept.
import type { FlowCatalog } from "@/lib/flows/catalog";
import { type Connection, validateConnection } from "@/lib/flows/connection";
import { resolveInputs } from "@/lib/flows/exposed-inputs";
import { findCycle } from "@/lib/flows/graph-order";
import type { FlowGraph, FlowNode } from "@/lib/flows/graph-schema";
import { handlesOf, targetPort } from "@/lib/flows/handles";
import { portsOf } from "@/lib/flows/ports";

export type GraphIssue = {
  /** The node at fault; for an edge, the node it leads into. Null for the graph as a whole. */
  node_id: string | null;
  edge_id?: string;
  /** The node's field at fault, dotted: `model`, `text`, `inputs.prompt`, `params.seed`. */
  field: string;
  message: string;
};

export type ValidateOptions = {
  /** Check the nodes that will run are complete: true for all nodes, or the set of their ids. */
  complete?: boolean | ReadonlySet<string>;
};

export function validateGraph(
  graph: FlowGraph,
  catalog: FlowCatalog,
  options: ValidateOptions = {},
): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const seen = new Set<string>();
  for (const node of graph.nodes) {
    if (seen.has(node.id))
      issues.push({ node_id: node.id, field: "id", message: "Two nodes share this id." });
    seen.add(node.id);
    issues.push(...modelIssues(node, catalog));
  }
  issues.push(...edgeIssues(graph, catalog));
  issues.push(...resolveInputs(graph, catalog).issues);
  const cycle = findCycle(graph);
  if (cycle)
    issues.push({
      node_id: cycle[0] ?? null,
      field: "edges",
      message: `These nodes form a loop: ${[...cycle, cycle[0]].join(" → ")}.`,
    });
  const { complete } = options;
  if (complete && issues.length === 0)
    for (const node of graph.nodes)
      if (complete === true || complete.has(node.id))
        issues.push(...completenessIssues(graph, node, catalog));
  return issues;
}

function modelIssues(node: FlowNode, catalog: FlowCatalog): GraphIssue[] {
  if (node.type !== "generate" && node.type !== "llm") return [];
  const id = node.data.model;
  if (id === undefined) return [];
  const model = catalog.get(id);
  if (!model) return [{ node_id: node.id, field: "model", message: `Unknown model “${id}”.` }];
  if (node.type === "llm" && portsOf(model).output !== "text")
    return [{ node_id: node.id, field: "model", message: `${model.name} is not a text model.` }];
  return [];
}

/** Each edge checked against the graph without it, as if it were being drawn now. */
function edgeIssues(graph: FlowGraph, catalog: FlowCatalog): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const ids = new Set<string>();
  // Loops are reported once for the whole graph, so edges are checked without the loop rule.
  const earlier: FlowGraph["edges"] = [];
  for (const edge of graph.edges) {
    const field = `inputs.${edge.targetHandle ?? ""}`.replace(/\.$/, "");
    if (ids.has(edge.id))
      issues.push({ node_id: edge.target, edge_id: edge.id, field, message: "Two edges share this id." });
    ids.add(edge.id);
    const check = validateConnection(
      { nodes: graph.nodes, edges: earlier },
      edge satisfies Connection,
      catalog,
    );
    if (!check.ok && !check.reason.startsWith("That would make a loop"))
      issues.push({
        node_id: graph.nodes.some((n) => n.id === edge.target) ? edge.target : null,
        edge_id: edge.id,
        field,
        message: check.reason,
      });
    earlier.push(edge);
  }
  return issues;
}

function completenessIssues(graph: FlowGraph, node: FlowNode, catalog: FlowCatalog): GraphIssue[] {
  const issue = (field: string, message: string): GraphIssue => ({ node_id: node.id, field, message });
  switch (node.type) {
    case "text":
      return node.data.text.trim() ? [] : [issue("text", "Write the text.")];
    case "image":
      return node.data.asset_id || node.data.url ? [] : [issue("asset_id", "Choose an image.")];
    case "output":
      return graph.edges.some((e) => e.target === node.id)
        ? []
        : [issue("inputs", "Connect a result to collect.")];
    case "generate":
    case "llm": {
      const handles = handlesOf(node, catalog);
      const incoming = graph.edges.filter((e) => e.target === node.id);
      return handles.inputs.flatMap((port) => {
        if (!port.required) return [];
        if (incoming.some((e) => targetPort(handles, e.targetHandle)?.name === port.name)) return [];
        const value = port.param ? node.data.params[port.param] : undefined;
        if (filled(value)) return [];
        return [issue(`inputs.${port.name}`, `${port.label} is required: connect it or fill it in.`)];
      });
    }
  }
}

function filled(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null;
}
