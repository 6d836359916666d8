"use client";

import type { NodeProps } from "@xyflow/react";
import { type ComponentType, memo } from "react";
import type { EditorNodeOf, NodeKind } from "../store/types";

export type NodeBodyProps<K extends NodeKind> = {
  id: string;
  data: EditorNodeOf<K>["data"];
  selected: boolean;
};

/**
 * A node component for React Flow whose body re-renders only when its id, data or selection
 * change. React Flow passes a node its position and drag state too, which change on every
 * frame of a drag; without this split, dragging a selection re-renders every moving node.
 */
export function asNode<K extends NodeKind>(Body: ComponentType<NodeBodyProps<K>>) {
  const Inner = memo(Body);
  const Node = memo(function FlowNode({ id, data, selected }: NodeProps<EditorNodeOf<K>>) {
    return <Inner id={id} data={data} selected={selected === true} />;
  });
  Node.displayName = `Node(${Body.displayName ?? Body.name})`;
  return Node;
}
