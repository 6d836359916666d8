// Walking a flow graph: who feeds whom, loops, topological order, ancestors. Pure, linear in
// the graph's size, shared by the editor's connection check and the server's planner.
import type { FlowEdge } from "@/lib/flows/graph-schema";

type Graphish = { nodes: readonly { id: string }[]; edges: readonly Pick<FlowEdge, "source" | "target">[] };

export type Adjacency = ReadonlyMap<string, readonly string[]>;

/** Node id → the ids its edges lead to (`direction: "out"`) or come from (`"in"`). */
export function adjacency(graph: Graphish, direction: "out" | "in"): Adjacency {
  const map = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) {
    const [from, to] = direction === "out" ? [e.source, e.target] : [e.target, e.source];
    map.get(from)?.push(to);
  }
  return map;
}

/** Every node reachable from `starts` (included) along `next`. */
export function reachable(next: Adjacency, starts: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const n of next.get(id) ?? []) if (!seen.has(n)) stack.push(n);
  }
  return seen;
}

/** Whether `to` can be reached from `from` following edges forward. */
export function reaches(graph: Graphish, from: string, to: string): boolean {
  return reachable(adjacency(graph, "out"), [from]).has(to);
}

/** `targets` and everything they depend on. */
export function ancestorsOf(graph: Graphish, targets: Iterable<string>): Set<string> {
  return reachable(adjacency(graph, "in"), targets);
}

/** `sources` and everything that depends on them. */
export function descendantsOf(graph: Graphish, sources: Iterable<string>): Set<string> {
  return reachable(adjacency(graph, "out"), sources);
}

/**
 * Node ids with every node after the nodes it depends on (Kahn's algorithm, stable in the
 * nodes' own order), or the nodes in a loop or behind one. Edges to unknown nodes are ignored.
 */
export function topologicalOrder(graph: Graphish): { order: string[] } | { cycle: string[] } {
  const indegree = new Map(graph.nodes.map((n) => [n.id, 0]));
  for (const e of graph.edges)
    if (indegree.has(e.source) && indegree.has(e.target))
      indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
  const out = adjacency(graph, "out");
  const ready = graph.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i] as string;
    order.push(id);
    for (const next of out.get(id) ?? []) {
      if (!indegree.has(next)) continue;
      const left = (indegree.get(next) ?? 0) - 1;
      indegree.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (order.length === indegree.size) return { order };
  return { cycle: [...indegree].filter(([, d]) => d > 0).map(([id]) => id) };
}

/** One loop of the graph in edge order (`[a, b, c]` for a → b → c → a), or null when there is none. */
export function findCycle(graph: Graphish): string[] | null {
  const sorted = topologicalOrder(graph);
  if ("order" in sorted) return null;
  // Every node left over has a predecessor left over, so walking backwards must come round.
  const left = new Set(sorted.cycle);
  const incoming = adjacency(graph, "in");
  const path: string[] = [];
  const at = new Map<string, number>();
  let id = sorted.cycle[0] as string;
  while (!at.has(id)) {
    at.set(id, path.length);
    path.push(id);
    id = (incoming.get(id) ?? []).find((p) => left.has(p)) as string;
  }
  const loop = path.slice(at.get(id)).reverse();
  // Told from the loop's node that comes first in the graph, so the message is stable.
  const rank = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const first = loop.reduce(
    (best, n, i) => ((rank.get(n) ?? 0) < (rank.get(loop[best] as string) ?? 0) ? i : best),
    0,
  );
  return [...loop.slice(first), ...loop.slice(0, first)];
}
