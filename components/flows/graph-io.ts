// The saved graph and the editor's nodes are the same React Flow objects; saving drops what
// React Flow adds at run time (selection, measurements, drag flags), loading adds nothing. An
// Image node with an asset id is saved without the link older graphs kept beside it: links
// expire, so pictures are shown from links the server signs when the flow is read.
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
      data: type === "image" && "asset_id" in data && data.asset_id ? withoutLink(data) : { ...data },
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

function withoutLink<D extends { url?: string }>(data: D): Omit<D, "url"> {
  const { url: _url, ...rest } = data;
  return rest;
}
