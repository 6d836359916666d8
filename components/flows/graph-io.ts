// The saved graph and the editor's nodes are the same React Flow objects; saving drops what
// React Flow adds at run time (selection, measurements, drag flags), loading adds nothing.
import type { EditorEdge, EditorNode, FlowGraph, FlowInput, Snapshot } from "./store/types";

export function fromGraph(graph: FlowGraph): Snapshot {
  return {
    nodes: graph.nodes.map((node) => ({ ...node, data: { ...node.data } }) as EditorNode),
    edges: graph.edges.map((edge) => ({ ...edge })),
    inputs: (graph.inputs ?? []).map((input) => ({ ...input })),
  };
}

export function toGraph(
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
  viewport?: FlowGraph["viewport"],
  inputs: readonly FlowInput[] = [],
): FlowGraph {
  return {
    nodes: nodes.map(({ id, type, position, data }) => ({
      id,
      type,
      position: { x: Math.round(position.x), y: Math.round(position.y) },
      data: { ...data },
    })) as FlowGraph["nodes"],
    edges: edges.map(({ id, source, sourceHandle, target, targetHandle }) => ({
      id,
      source,
      sourceHandle: sourceHandle ?? "",
      target,
      targetHandle: targetHandle ?? "",
    })),
    ...(viewport && { viewport }),
    // A flow that exposes nothing saves no list, so its graph stays as it was.
    ...(inputs.length > 0 && { inputs: inputs.map((input) => ({ ...input })) }),
  };
}
