// The editor's view of a flow graph: React Flow's own node and edge objects, typed by node
// kind from the shared graph schema (lib/flows/graph.ts), so saving is a plain projection.
import type { Edge, Node } from "@xyflow/react";
import type { FlowGraph, FlowInput, NodeOf, NodeType } from "@/lib/flows/graph";

export type NodeKind = NodeType;
export type { FlowGraph, FlowInput };

export type EditorNode = { [K in NodeType]: Node<NodeOf<K>["data"], K> }[NodeType];
export type EditorEdge = Edge;

/** The graph as undo keeps it; `inputs` (the exposed fields, in form order) left out means none. */
export type Snapshot = { nodes: EditorNode[]; edges: EditorEdge[]; inputs?: FlowInput[] };

/** An editor node of one kind, as node components receive it. */
export type EditorNodeOf<K extends NodeType> = Extract<EditorNode, { type: K }>;
