// The editor's one store: nodes, edges, undo history, clipboard, save state and the live run.
// Components read slices through selectors (a node reads its own run state, never the whole
// node array), so a drag re-renders the canvas, not every node's body.
import {
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import { createStore } from "zustand/vanilla";
import { type Clip, copySelection, edgeId, pasteClip } from "./clipboard";
import { closeGroup, emptyHistory, endsWord, type History, record, redo, undo } from "./history";
import type { RunView } from "./run-view";
import type { EditorEdge, EditorNode, FlowInput, NodeKind, Snapshot } from "./types";

/** Why a connection is refused, or null when it is fine (the shared graph rules). */
export type ConnectionCheck = (graph: Snapshot, connection: Connection) => string | null;
/** The exposed inputs that still fit the graph after a change (the shared graph rules). */
export type InputsFit = (graph: Required<Snapshot>) => FlowInput[];

export type Refusal = { message: string; at: number };
export type Estimate = { credits: number; nodes: Record<string, { credits: number; reused_from?: string }> };

export type FlowState = {
  nodes: EditorNode[];
  edges: EditorEdge[];
  /** The fields the flow asks for when run with just its inputs, in form order. */
  inputs: FlowInput[];
  history: History;
  /** Bumped by every change of the graph; autosave compares it with `savedRevision`. */
  revision: number;
  savedRevision: number;
  readOnly: boolean;
  refusal: Refusal | null;
  clip: Clip | null;
  pastes: number;
  estimate: (Estimate & { revision: number }) | null;
  run: RunView | null;
  /**
   * Links to Image nodes' pictures, by asset id (or an older graph's link): signed by the server
   * when the flow is read, or handed over by an upload. Never part of the graph or its history.
   */
  images: Readonly<Record<string, string>>;
};

export type FlowActions = {
  load(graph: Snapshot, options?: { readOnly?: boolean; images?: Record<string, string> }): void;
  /** Remembers how to show a picture an Image node now names. */
  setImage(key: string, url: string): void;
  onNodesChange(changes: NodeChange<EditorNode>[]): void;
  onEdgesChange(changes: EdgeChange<EditorEdge>[]): void;
  /** Why this connection would be refused (null when it would be fine); changes nothing. */
  explain(connection: Connection): string | null;
  /** Adds the edge, or records why not in `refusal` and returns the reason. */
  connect(connection: Connection): string | null;
  refuse(message: string): void;
  clearRefusal(): void;
  addNode(node: EditorNode): void;
  updateData(id: string, patch: Record<string, unknown>, field?: string): void;
  /** Replaces the exposed inputs (add, remove, reorder, rename) as one step; `field` groups typing. */
  setInputs(inputs: FlowInput[], field?: string): void;
  /** Changes a node's data and drops its edges on handles it no longer has (a new model). */
  reshape(id: string, patch: Record<string, unknown>, handles: { inputs: string[]; outputs: string[] }): void;
  beginDrag(): void;
  endDrag(): void;
  deleteSelected(): void;
  selectAll(): void;
  copy(): boolean;
  paste(): boolean;
  setPositions(positions: ReadonlyMap<string, { x: number; y: number }>): void;
  undo(): void;
  redo(): void;
  markSaved(revision: number): void;
  setEstimate(estimate: Estimate, revision: number): void;
  setRun(run: RunView | null): void;
};

export type FlowStore = ReturnType<typeof createFlowStore>;

const STRUCTURAL = new Set(["add", "remove", "replace"]);

export function createFlowStore(options: {
  check: ConnectionCheck;
  fitInputs?: InputsFit;
  newId?: () => string;
  now?: () => number;
}) {
  const newId = options.newId ?? (() => crypto.randomUUID().slice(0, 8));
  const now = options.now ?? Date.now;
  // The graph as it was when the current drag began; recorded as one step when it ends.
  let dragStart: Snapshot | null = null;

  return createStore<FlowState & FlowActions>()((set, get) => {
    const snapshot = (): Required<Snapshot> => ({
      nodes: get().nodes,
      edges: get().edges,
      inputs: get().inputs,
    });
    /**
     * Applies a change of the graph as one undo step (or part of the open group). Exposed inputs
     * whose field went with it (a node deleted, a field now connected) go too, in the same step.
     */
    const commit = (next: Partial<Snapshot>, group?: { key: string; closes: boolean }) => {
      const state = get();
      if (state.readOnly) return;
      const graph = { ...snapshot(), ...next } as Required<Snapshot>;
      set({
        ...next,
        inputs: options.fitInputs ? options.fitInputs(graph) : graph.inputs,
        history: record(state.history, snapshot(), group && { ...group, at: now() }),
        revision: state.revision + 1,
      });
    };
    const restore = (result: { history: History; snapshot: Snapshot } | null) => {
      if (!result || get().readOnly) return;
      const { nodes, edges, inputs = [] } = result.snapshot;
      set({ nodes, edges, inputs, history: result.history, revision: get().revision + 1 });
    };

    return {
      nodes: [],
      edges: [],
      inputs: [],
      history: emptyHistory(),
      revision: 0,
      savedRevision: 0,
      readOnly: false,
      refusal: null,
      clip: null,
      pastes: 0,
      estimate: null,
      run: null,
      images: {},

      load: (graph, opts) =>
        set({
          nodes: graph.nodes,
          edges: graph.edges,
          inputs: graph.inputs ?? [],
          history: emptyHistory(),
          readOnly: opts?.readOnly ?? false,
          revision: 0,
          savedRevision: 0,
          estimate: null,
          images: opts?.images ?? {},
        }),
      setImage: (key, url) => set({ images: { ...get().images, [key]: url } }),

      onNodesChange: (changes) => {
        const state = get();
        const relevant = state.readOnly
          ? changes.filter((c) => c.type === "select" || c.type === "dimensions")
          : changes;
        if (relevant.length === 0) return;
        const nodes = applyNodeChanges(relevant, state.nodes);
        if (relevant.some((c) => STRUCTURAL.has(c.type))) return commit({ nodes });
        // A drag records one step, at its end: React Flow flags the moves of a drag `dragging`
        // and sends one last move without it when the pointer is released.
        const moves = relevant.filter((c) => c.type === "position");
        if (moves.some((c) => c.type === "position" && c.dragging)) {
          if (!dragStart) get().beginDrag();
          return set({ nodes });
        }
        if (dragStart && moves.length > 0) {
          set({ nodes });
          return get().endDrag();
        }
        // Keyboard moves (arrow keys) come one by one; a burst of them is one step.
        if (moves.some((c) => c.type === "position" && c.position))
          return commit({ nodes }, { key: "move", closes: false });
        set({ nodes });
      },

      onEdgesChange: (changes) => {
        const state = get();
        const relevant = state.readOnly ? changes.filter((c) => c.type === "select") : changes;
        if (relevant.length === 0) return;
        const edges = applyEdgeChanges(relevant, state.edges);
        if (relevant.some((c) => STRUCTURAL.has(c.type))) commit({ edges });
        else set({ edges });
      },

      explain: (connection) => options.check(snapshot(), connection),

      connect: (connection) => {
        const state = get();
        if (state.readOnly) return "This flow is read-only.";
        const reason = options.check(snapshot(), connection);
        if (reason) {
          set({ refusal: { message: reason, at: now() } });
          return reason;
        }
        const { source, sourceHandle, target, targetHandle } = connection;
        const edge: EditorEdge = {
          id: edgeId(source, sourceHandle, target, targetHandle),
          source,
          target,
          sourceHandle: sourceHandle ?? null,
          targetHandle: targetHandle ?? null,
        };
        commit({ edges: [...state.edges, edge] });
        set({ refusal: null });
        return null;
      },
      refuse: (message) => set({ refusal: { message, at: now() } }),
      clearRefusal: () => set({ refusal: null }),

      addNode: (node) =>
        commit({
          nodes: [
            ...get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n)),
            { ...node, selected: true },
          ],
        }),

      updateData: (id, patch, field) => {
        const state = get();
        const node = state.nodes.find((n) => n.id === id);
        if (!node) return;
        const nodes = state.nodes.map((n) =>
          n.id === id ? ({ ...n, data: { ...n.data, ...patch } } as EditorNode) : n,
        );
        if (field === undefined) return commit({ nodes });
        const before = String(valueAt(node.data, field) ?? "");
        const after = String(valueAt(patch, field) ?? "");
        commit({ nodes }, { key: `${id}:${field}`, closes: endsWord(before, after) });
      },

      setInputs: (inputs, field) =>
        commit({ inputs }, field === undefined ? undefined : { key: `inputs:${field}`, closes: false }),

      reshape: (id, patch, handles) => {
        const state = get();
        const inputs = new Set(handles.inputs);
        const outputs = new Set(handles.outputs);
        commit({
          nodes: state.nodes.map((n) =>
            n.id === id ? ({ ...n, data: { ...n.data, ...patch } } as EditorNode) : n,
          ),
          edges: state.edges.filter(
            (e) =>
              (e.target !== id || inputs.has(e.targetHandle ?? "")) &&
              (e.source !== id || outputs.has(e.sourceHandle ?? "")),
          ),
        });
      },

      beginDrag: () => {
        dragStart = snapshot();
        set({ history: closeGroup(get().history) });
      },
      endDrag: () => {
        const before = dragStart;
        dragStart = null;
        if (!before || get().readOnly) return;
        const moved = get().nodes.some((node) => {
          const old = before.nodes.find((n) => n.id === node.id);
          return old && (old.position.x !== node.position.x || old.position.y !== node.position.y);
        });
        if (!moved) return;
        const state = get();
        set({ history: record(state.history, before), revision: state.revision + 1 });
      },

      deleteSelected: () => {
        const state = get();
        const gone = new Set(state.nodes.filter((n) => n.selected).map((n) => n.id));
        const edges = state.edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target));
        if (gone.size === 0 && edges.length === state.edges.length) return;
        commit({ nodes: state.nodes.filter((n) => !gone.has(n.id)), edges });
      },

      selectAll: () =>
        set({
          nodes: get().nodes.map((n) => (n.selected ? n : { ...n, selected: true })),
          edges: get().edges.map((e) => (e.selected ? e : { ...e, selected: true })),
        }),

      copy: () => {
        const clip = copySelection(get().nodes, get().edges);
        if (clip) set({ clip, pastes: 0 });
        return clip !== null;
      },
      paste: () => {
        const { clip, pastes, nodes, edges } = get();
        if (!clip) return false;
        const pasted = pasteClip(clip, newId, pastes + 1);
        commit({
          nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted.nodes],
          edges: [...edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...pasted.edges],
        });
        set({ pastes: pastes + 1 });
        return true;
      },

      setPositions: (positions) =>
        commit({
          nodes: get().nodes.map((n) => {
            const position = positions.get(n.id);
            return position ? { ...n, position } : n;
          }),
        }),

      undo: () => restore(undo(get().history, snapshot())),
      redo: () => restore(redo(get().history, snapshot())),

      markSaved: (revision) => set({ savedRevision: Math.max(get().savedRevision, revision) }),
      setEstimate: (estimate, revision) => set({ estimate: { ...estimate, revision } }),
      setRun: (run) => set({ run }),
    };
  });
}

/** `field` may be a path into the data: "params.instruction". */
function valueAt(data: Record<string, unknown>, field: string): unknown {
  let value: unknown = data;
  for (const key of field.split(".")) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

export type NewNodeOf<K extends NodeKind> = Extract<EditorNode, { type: K }>;
