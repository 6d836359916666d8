// Auto-layout: dagre's layered layout, left to right in the direction data flows. Node sizes
// come from React Flow's measurements, so tall generate nodes get the room they need.
import dagre from "@dagrejs/dagre";
import type { EditorEdge, EditorNode } from "./store/types";

const DEFAULT_SIZE = { width: 260, height: 160 };

export function layoutPositions(
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    const width = node.measured?.width ?? DEFAULT_SIZE.width;
    const height = node.measured?.height ?? DEFAULT_SIZE.height;
    graph.setNode(node.id, { width, height });
  }
  for (const edge of edges) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const placed = graph.node(node.id);
    if (!placed) continue;
    // dagre gives centres; React Flow positions are top-left corners.
    positions.set(node.id, {
      x: Math.round(placed.x - placed.width / 2),
      y: Math.round(placed.y - placed.height / 2),
    });
  }
  return positions;
}
