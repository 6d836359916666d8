"use client";

// A rigid group of nodes dragged together (select all, then drag) slides as it is: its nodes
// and edges are offset with one CSS `translate` each frame, the whole canvas's layers at once
// when every node moves, and React never re-renders them mid-drag. The positions reach the
// store when the drag ends, as one undo step, and the offsets are dropped in the same commit
// that draws the nodes at their new places (GroupDragSettle), so nothing jumps. React Flow does
// not learn the new places before the drop either: nodes that slide into view from outside it
// (only nodes in view are drawn) appear, and the minimap catches up, when the drag ends.
import { type NodeChange, useStore, useStoreApi } from "@xyflow/react";
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef } from "react";
import { useFlowStoreApi } from "./store/flow-store-context";
import { draggedIds, edgesWithin, groupOffset, isRigidGroup } from "./store/group-drag";
import type { EditorNode } from "./store/types";

type Point = { x: number; y: number };
type Group = {
  ids: Set<string>;
  start: Map<string, Point>;
  targets: HTMLElement[];
  root: HTMLElement;
  /** Whole layers take a `transform` of their own; single nodes add a `translate` to React Flow's. */
  whole: boolean;
};

/** The layers that carry every node and edge: moved whole when the whole graph is dragged. */
const WHOLE_LAYERS = [".react-flow__nodes", ".react-flow__edges", ".react-flow__nodesselection"];

function targetsOf(root: HTMLElement, ids: Set<string>, edgeIds: string[], whole: boolean): HTMLElement[] {
  const found = (selector: string) => root.querySelector<HTMLElement>(selector);
  if (whole) return WHOLE_LAYERS.map(found).filter((el) => el !== null);
  const nodes = [...ids].map((id) => found(`.react-flow__node[data-id="${CSS.escape(id)}"]`));
  // Each edge is drawn in an <svg> of its own.
  const edges = edgeIds.map(
    (id) => found(`.react-flow__edge[data-id="${CSS.escape(id)}"]`)?.parentElement as HTMLElement | null,
  );
  return [...nodes, ...edges, found(".react-flow__nodesselection")].filter((el) => el != null);
}

function release(group: Group): void {
  for (const el of group.targets) {
    if (group.whole) el.style.transform = "";
    else el.style.translate = "";
    el.style.willChange = "";
  }
  group.root.classList.remove("group-dragging");
}

export function useGroupDrag(): {
  onNodesChange: (changes: NodeChange<EditorNode>[]) => void;
  settle: RefObject<(() => void) | null>;
} {
  const store = useFlowStoreApi();
  const flow = useStoreApi();
  const active = useRef<Group | null>(null);
  const settle = useRef<(() => void) | null>(null);

  const onNodesChange = useCallback(
    (changes: NodeChange<EditorNode>[]) => {
      const state = store.getState();
      const group = active.current;
      const ids = draggedIds(changes);
      if (group) {
        const offset = ids && [...ids].every((id) => group.ids.has(id)) && groupOffset(changes, group.start);
        if (offset) return place(group, offset);
        // The drop (its last move is not `dragging`) or anything else: positions go to the store.
        active.current = null;
        const done = () => release(group);
        settle.current = done;
        // Should React Flow not redraw at all (nothing moved after all), the offsets still go.
        setTimeout(() => {
          if (settle.current !== done) return;
          settle.current = null;
          done();
        }, 400);
        return state.onNodesChange(changes);
      }
      const root = flow.getState().domNode;
      if (!ids || !root || state.readOnly || !isRigidGroup(ids, state.edges))
        return state.onNodesChange(changes);
      const whole = ids.size === state.nodes.length;
      const targets = targetsOf(root, ids, edgesWithin(ids, state.edges), whole);
      const start = new Map(state.nodes.filter((n) => ids.has(n.id)).map((n) => [n.id, n.position]));
      const started: Group = { ids, start, targets, root, whole };
      // Whole layers are composited and slid; single nodes are few enough to repaint.
      if (whole) for (const el of targets) el.style.willChange = "transform";
      root.classList.add("group-dragging");
      active.current = started;
      state.beginDrag();
      const offset = groupOffset(changes, start);
      if (offset) place(started, offset);
    },
    [store, flow],
  );

  // A drag cut short (the editor closed mid-drag) leaves nothing behind.
  useEffect(
    () => () => {
      if (active.current) release(active.current);
    },
    [],
  );
  return { onNodesChange, settle };
}

function place(group: Group, offset: Point): void {
  if (group.whole) {
    const value = `translate(${offset.x}px, ${offset.y}px)`;
    for (const el of group.targets) el.style.transform = value;
    return;
  }
  const value = `${offset.x}px ${offset.y}px`;
  for (const el of group.targets) el.style.translate = value;
}

/**
 * Rendered inside <ReactFlow>: it re-renders with React Flow's nodes, so its layout effect runs
 * in the commit that moves them to where the drag left them, before that frame is painted.
 */
export function GroupDragSettle({ settle }: { settle: RefObject<(() => void) | null> }) {
  // Subscribed only to re-render with React Flow's nodes; the effect runs after each of those.
  useStore((s) => s.nodes);
  useLayoutEffect(() => {
    const run = settle.current;
    if (!run) return;
    settle.current = null;
    run();
  });
  return null;
}
