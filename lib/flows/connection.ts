// Whether one more edge may join a graph: the editor's `isValidConnection` and the server's
// check of every saved edge are this one function, so a refused connection reads the same in
// both places.
import type { FlowCatalog } from "@/lib/flows/catalog";
import { reaches } from "@/lib/flows/graph-order";
import type { FlowEdge, FlowNode } from "@/lib/flows/graph-schema";
import { MAX_EDGES } from "@/lib/flows/graph-schema";
import { handlesOf, sourceKind, targetPort } from "@/lib/flows/handles";

/** React Flow's `Connection`, or an edge being moved (its `id` is then left out of the count). */
export type Connection = {
  id?: string;
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
};

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

type GraphLike = { nodes: readonly FlowNode[]; edges: readonly FlowEdge[] };

const refuse = (reason: string): ConnectionCheck => ({ ok: false, reason });

export function validateConnection(
  graph: GraphLike,
  connection: Connection,
  catalog: FlowCatalog,
): ConnectionCheck {
  const { source, target } = connection;
  if (source === target) return refuse("A node cannot be connected to itself.");
  const from = graph.nodes.find((n) => n.id === source);
  const to = graph.nodes.find((n) => n.id === target);
  if (!from || !to) return refuse("Both ends must be nodes of this flow.");
  const kind = sourceKind(handlesOf(from, catalog), connection.sourceHandle);
  if (!kind) return refuse(`${nameOf(from)} has no output named “${connection.sourceHandle ?? ""}”.`);
  const port = targetPort(handlesOf(to, catalog), connection.targetHandle);
  if (!port) return refuse(`${nameOf(to)} has no input named “${connection.targetHandle ?? ""}”.`);
  if (port.kind !== kind) return refuse(`${port.label} takes ${article(port.kind)}, not ${article(kind)}.`);
  const others = graph.edges.filter((e) => e.id !== connection.id);
  const into = others.filter((e) => e.target === target && (e.targetHandle ?? port.name) === port.name);
  if (into.some((e) => e.source === source)) return refuse("These two are connected already.");
  if (into.length >= port.max)
    return refuse(
      port.max === 1
        ? `${port.label} already has an input; remove that edge first.`
        : `${port.label} takes at most ${port.max} inputs.`,
    );
  if (others.length >= MAX_EDGES) return refuse(`A flow holds at most ${MAX_EDGES} edges.`);
  if (reaches({ nodes: graph.nodes, edges: others }, target, source))
    return refuse("That would make a loop: a node cannot depend on its own result.");
  return { ok: true };
}

function nameOf(node: FlowNode): string {
  const label = node.data.label?.trim();
  return label ? `“${label}”` : `This ${node.type} node`;
}

function article(kind: string): string {
  return kind === "image" ? "an image" : kind === "video" ? "a video" : "text";
}
