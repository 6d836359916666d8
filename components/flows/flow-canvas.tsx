"use client";

import {
  Background,
  BackgroundVariant,
  type Connection,
  ConnectionLineType,
  Controls,
  type FinalConnectionState,
  MiniMap,
  type NodeTypes,
  ReactFlow,
  useReactFlow,
  type Viewport,
} from "@xyflow/react";
import { type DragEvent, useCallback, useMemo, useState } from "react";
import { useTheme } from "@/components/providers/theme-provider";
import { useCatalog } from "./catalog";
import { GenerateNode } from "./nodes/generate-node";
import { ImageNode } from "./nodes/image-node";
import { LlmNode } from "./nodes/llm-node";
import { OutputNode } from "./nodes/output-node";
import { TextNode } from "./nodes/text-node";
import { PALETTE_MIME, usePlaceNode } from "./palette";
import { paletteItems } from "./palette-items";
import { useFlowStore, useFlowStoreApi } from "./store/flow-store-context";
import type { EditorNode } from "./store/types";
import { GroupDragSettle, useGroupDrag } from "./use-group-drag";

// At module scope, so React Flow never sees a new object and remounts every node.
const NODE_TYPES = {
  text: TextNode,
  image: ImageNode,
  generate: GenerateNode,
  llm: LlmNode,
  output: OutputNode,
} satisfies NodeTypes;

// Props React Flow copies into its own store: new objects on every render would update that
// store (and re-run its subscribers) on every frame of a drag.
const DEFAULT_EDGE_OPTIONS = { type: "smoothstep" } as const;
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1 } as const;
const MULTI_SELECT_KEYS = ["Meta", "Control"];
const minimapColor = (node: { type?: string }) => MINIMAP_COLOR[node.type as EditorNode["type"]] ?? "#888";

const MINIMAP_COLOR: Record<EditorNode["type"], string> = {
  text: "#0ea5e9",
  image: "#f59e0b",
  generate: "#c2410c",
  llm: "#0284c7",
  output: "#16a34a",
};

/** The canvas: nodes and edges from the store, every change back through the store's actions. */
export function FlowCanvas({ viewport }: { viewport?: Viewport }) {
  const store = useFlowStoreApi();
  const nodes = useFlowStore((s) => s.nodes);
  const edges = useFlowStore((s) => s.edges);
  const readOnly = useFlowStore((s) => s.readOnly);
  const { onNodesChange, settle } = useGroupDrag();
  const onEdgesChange = useFlowStore((s) => s.onEdgesChange);
  const connect = useFlowStore((s) => s.connect);
  const { models } = useCatalog();
  const items = useMemo(() => paletteItems(models), [models]);
  const place = usePlaceNode();
  const flow = useReactFlow();
  const check = useFlowStore((s) => s.explain);
  // Fitted once when it opens with nodes and no saved view; an empty flow keeps its place, so
  // the first node dropped stays where it was dropped.
  // A phone fits whatever view was saved on a larger screen.
  const [fitOnOpen] = useState(
    () => store.getState().nodes.length > 0 && (!viewport || window.matchMedia("(max-width: 767px)").matches),
  );
  const { resolvedTheme } = useTheme();

  const isValidConnection = useCallback(
    (
      edge:
        | Connection
        | { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null },
    ) =>
      check({
        source: edge.source,
        target: edge.target,
        sourceHandle: edge.sourceHandle ?? null,
        targetHandle: edge.targetHandle ?? null,
      }) === null,
    [check],
  );

  // A connection dropped on a handle that refused it: say why, beside the canvas.
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.toHandle || !state.fromHandle) return;
      const fromSource = state.fromHandle.type === "source";
      const [from, to] = fromSource ? [state.fromHandle, state.toHandle] : [state.toHandle, state.fromHandle];
      const reason = check({
        source: from.nodeId,
        sourceHandle: from.id ?? null,
        target: to.nodeId,
        targetHandle: to.id ?? null,
      });
      if (reason) store.getState().refuse(reason);
    },
    [check, store],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const key = event.dataTransfer.getData(PALETTE_MIME);
      const item = items.find((i) => i.key === key);
      if (!item) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      place(item, { x: point.x - 40, y: point.y - 20 });
    },
    [flow, items, place],
  );

  return (
    <ReactFlow<EditorNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={connect}
      onConnectEnd={onConnectEnd}
      isValidConnection={isValidConnection}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
      }}
      onDrop={onDrop}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      edgesReconnectable={false}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      connectionRadius={28}
      connectionLineType={ConnectionLineType.SmoothStep}
      defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
      minZoom={0.1}
      maxZoom={2}
      fitView={fitOnOpen}
      {...(viewport && !fitOnOpen && { defaultViewport: viewport })}
      fitViewOptions={FIT_VIEW_OPTIONS}
      colorMode={resolvedTheme}
      onlyRenderVisibleElements
      className="atelier-flow bg-muted/30"
    >
      <GroupDragSettle settle={settle} />
      <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
      <Controls showInteractive={false} position="bottom-left" />
      <MiniMap
        pannable
        zoomable
        position="bottom-right"
        className="!hidden md:!block"
        ariaLabel="Overview of the flow"
        nodeColor={minimapColor}
        maskColor={resolvedTheme === "dark" ? "rgb(0 0 0 / 0.45)" : "rgb(240 240 240 / 0.6)"}
        nodeStrokeWidth={2}
      />
    </ReactFlow>
  );
}
