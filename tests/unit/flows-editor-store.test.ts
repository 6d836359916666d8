import type { NodeChange } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { toGraph } from "@/components/flows/graph-io";
import { connectionCheck } from "@/components/flows/store/connection-check";
import { createFlowStore } from "@/components/flows/store/flow-store";
import { TYPING_PAUSE_MS } from "@/components/flows/store/history";
import type { EditorEdge, EditorNode } from "@/components/flows/store/types";
import { type FlowInput, fittingInputs, flowCatalog } from "@/lib/flows/graph";
import { LITE_MODELS } from "@/lib/models-lite";

const catalog = flowCatalog(LITE_MODELS);

function setup(nodes: EditorNode[] = [], edges: EditorEdge[] = []) {
  let clock = 1_000_000;
  let ids = 0;
  const store = createFlowStore({
    check: connectionCheck(() => catalog),
    fitInputs: (graph) => fittingInputs(toGraph(graph.nodes, graph.edges, undefined, graph.inputs), catalog),
    now: () => clock,
    newId: () => `n${++ids}`,
  });
  store.getState().load({ nodes, edges });
  return { store, tick: (ms: number) => (clock += ms), get: () => store.getState() };
}

const text = (id: string, value = "", x = 0): EditorNode => ({
  id,
  type: "text",
  position: { x, y: 0 },
  data: { text: value },
});
const generate = (id: string, model: string, x = 300): EditorNode => ({
  id,
  type: "generate",
  position: { x, y: 0 },
  data: { model, params: {} },
});
const edge = (source: string, sourceHandle: string, target: string, targetHandle: string): EditorEdge => ({
  id: `${source}-${target}-${targetHandle}`,
  source,
  sourceHandle,
  target,
  targetHandle,
});
const textOf = (get: () => { nodes: EditorNode[] }, id: string) =>
  (get().nodes.find((n) => n.id === id)?.data as { text: string } | undefined)?.text;

/** Types `words` one key at a time, 50 ms apart, after a pause of `pauseMs`. */
function type(store: ReturnType<typeof setup>, id: string, words: string, pauseMs = 50) {
  store.tick(pauseMs);
  for (const char of words) {
    store.tick(50);
    store.get().updateData(id, { text: textOf(store.get, id) + char }, "text");
  }
}

describe("undo and redo", () => {
  it("takes back a typed word at a time", () => {
    const s = setup([text("t")]);
    type(s, "t", "a red fox");
    expect(textOf(s.get, "t")).toBe("a red fox");
    s.get().undo();
    expect(textOf(s.get, "t")).toBe("a red ");
    s.get().undo();
    expect(textOf(s.get, "t")).toBe("a ");
    s.get().undo();
    expect(textOf(s.get, "t")).toBe("");
    s.get().redo();
    s.get().redo();
    expect(textOf(s.get, "t")).toBe("a red ");
  });

  it("starts a new step after a pause in typing", () => {
    const s = setup([text("t")]);
    type(s, "t", "fox");
    type(s, "t", "es", TYPING_PAUSE_MS + 10);
    s.get().undo();
    expect(textOf(s.get, "t")).toBe("fox");
  });

  it("records a whole drag as one step, whatever the number of moves", () => {
    const s = setup([text("a"), text("b", "", 400)]);
    const move = (x: number, dragging: boolean): NodeChange<EditorNode>[] => [
      { type: "position", id: "a", position: { x, y: x }, dragging },
    ];
    for (let x = 1; x <= 30; x++) s.get().onNodesChange(move(x, true));
    s.get().onNodesChange(move(30, false));
    expect(s.get().history.past).toHaveLength(1);
    expect(s.get().nodes[0]?.position).toEqual({ x: 30, y: 30 });
    s.get().undo();
    expect(s.get().nodes[0]?.position).toEqual({ x: 0, y: 0 });
    s.get().redo();
    expect(s.get().nodes[0]?.position).toEqual({ x: 30, y: 30 });
  });

  it("keeps at least fifty steps", () => {
    const s = setup();
    for (let i = 0; i < 60; i++) s.get().addNode(text(`t${i}`, "", i * 10));
    expect(s.get().nodes).toHaveLength(60);
    for (let i = 0; i < 60; i++) s.get().undo();
    expect(s.get().nodes).toHaveLength(0);
    for (let i = 0; i < 60; i++) s.get().redo();
    expect(s.get().nodes).toHaveLength(60);
  });

  it("does not count selecting as a change", () => {
    const s = setup([text("a")]);
    s.get().onNodesChange([{ type: "select", id: "a", selected: true }]);
    expect(s.get().history.past).toHaveLength(0);
    expect(s.get().revision).toBe(0);
    expect(s.get().nodes[0]?.selected).toBe(true);
  });

  it("deletes a node and its edges as one step", () => {
    const s = setup(
      [{ ...text("t", "a cat"), selected: true }, generate("g", "flux-schnell")],
      [edge("t", "text", "g", "prompt")],
    );
    s.get().deleteSelected();
    expect(s.get().nodes.map((n) => n.id)).toEqual(["g"]);
    expect(s.get().edges).toHaveLength(0);
    s.get().undo();
    expect(s.get().nodes).toHaveLength(2);
    expect(s.get().edges).toHaveLength(1);
  });
});

describe("copy and paste", () => {
  it("pastes the selection with new ids, its inner edges, shifted, and selects only the copy", () => {
    const s = setup(
      [
        { ...text("t", "a cat"), selected: true },
        { ...generate("g", "flux-schnell"), selected: true },
        generate("u", "real-esrgan", 600),
      ],
      [edge("t", "text", "g", "prompt"), edge("g", "image", "u", "image")],
    );
    expect(s.get().copy()).toBe(true);
    s.get().paste();
    const pasted = s.get().nodes.slice(3);
    expect(pasted.map((n) => n.id)).toEqual(["n1", "n2"]);
    expect(pasted.map((n) => n.position)).toEqual([
      { x: 40, y: 40 },
      { x: 340, y: 40 },
    ]);
    expect(
      s
        .get()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual(["n1", "n2"]);
    // Only the edge inside the selection comes along, rewired to the copies.
    const copied = s.get().edges.slice(2);
    expect(copied).toMatchObject([
      { source: "n1", sourceHandle: "text", target: "n2", targetHandle: "prompt" },
    ]);
    // The copy is its own: editing it leaves the original alone.
    s.get().updateData("n1", { text: "a dog" }, "text");
    expect(textOf(s.get, "t")).toBe("a cat");
    s.get().paste();
    expect(
      s
        .get()
        .nodes.slice(5)
        .map((n) => n.position),
    ).toEqual([
      { x: 80, y: 80 },
      { x: 380, y: 80 },
    ]);
    s.get().undo();
    s.get().undo();
    s.get().undo();
    expect(s.get().nodes).toHaveLength(3);
  });

  it("has nothing to copy without a selection", () => {
    const s = setup([text("t")]);
    expect(s.get().copy()).toBe(false);
    expect(s.get().paste()).toBe(false);
  });
});

describe("connections", () => {
  const nodes = () => [
    text("t", "a lighthouse"),
    text("t2", "a castle"),
    generate("g", "flux-schnell"),
    generate("u", "real-esrgan", 600),
    generate("k1", "flux-kontext-pro", 900),
    generate("k2", "flux-kontext-pro", 1200),
  ];
  type Link = { source: string; sourceHandle: string; target: string; targetHandle: string };
  const connect = (s: ReturnType<typeof setup>, link: Link) => s.get().connect(link);

  it("adds a connection the rules allow, as one undoable step", () => {
    const s = setup(nodes());
    expect(connect(s, { source: "t", sourceHandle: "text", target: "g", targetHandle: "prompt" })).toBeNull();
    expect(s.get().edges).toHaveLength(1);
    s.get().undo();
    expect(s.get().edges).toHaveLength(0);
  });

  it.each([
    [
      "a type mismatch",
      { source: "t", sourceHandle: "text", target: "u", targetHandle: "image" },
      /takes an image, not text/,
    ],
    ["a self-link", { source: "k1", sourceHandle: "image", target: "k1", targetHandle: "image" }, /itself/],
  ])("refuses %s and says why", (_name, connection, reason) => {
    const s = setup(nodes());
    expect(connect(s, connection)).toMatch(reason);
    expect(s.get().refusal?.message).toMatch(reason);
    expect(s.get().edges).toHaveLength(0);
    expect(s.get().history.past).toHaveLength(0);
  });

  it("refuses a second edge into a one-edge input", () => {
    const s = setup(nodes(), [edge("t", "text", "g", "prompt")]);
    expect(connect(s, { source: "t2", sourceHandle: "text", target: "g", targetHandle: "prompt" })).toMatch(
      /already has an input/,
    );
    expect(s.get().edges).toHaveLength(1);
  });

  it("refuses a loop", () => {
    const s = setup(nodes(), [edge("k1", "image", "k2", "image")]);
    expect(connect(s, { source: "k2", sourceHandle: "image", target: "k1", targetHandle: "image" })).toMatch(
      /loop/,
    );
    expect(s.get().edges).toHaveLength(1);
  });

  it("clears the refusal once a connection succeeds", () => {
    const s = setup(nodes());
    connect(s, { source: "t", sourceHandle: "text", target: "u", targetHandle: "image" });
    connect(s, { source: "g", sourceHandle: "image", target: "u", targetHandle: "image" });
    expect(s.get().refusal).toBeNull();
  });
});

describe("exposed inputs", () => {
  const PROMPT: FlowInput = { id: "prompt", node_id: "t", field: "text", label: "Prompt" };
  const COUNT: FlowInput = { id: "count", node_id: "g", field: "params.num_outputs", label: "How many" };

  it("are set, reordered and renamed as undoable steps, and saved with the graph in their order", () => {
    const s = setup([text("t", "a cat"), generate("g", "flux-schnell")]);
    s.get().setInputs([PROMPT]);
    s.get().setInputs([PROMPT, COUNT]);
    s.get().setInputs([COUNT, PROMPT]);
    const { nodes, edges, inputs } = s.get();
    expect(toGraph(nodes, edges, undefined, inputs).inputs?.map((i) => i.id)).toEqual(["count", "prompt"]);
    s.get().undo();
    expect(s.get().inputs.map((i) => i.id)).toEqual(["prompt", "count"]);
    s.get().undo();
    s.get().undo();
    expect(s.get().inputs).toEqual([]);
    expect(toGraph(s.get().nodes, s.get().edges, undefined, s.get().inputs)).not.toHaveProperty("inputs");
  });

  it("go with their node, and come back with it on undo, in one step", () => {
    const s = setup([{ ...text("t", "a cat"), selected: true }, generate("g", "flux-schnell")]);
    s.get().setInputs([PROMPT, COUNT]);
    s.get().deleteSelected();
    expect(s.get().inputs.map((i) => i.id)).toEqual(["count"]);
    s.get().undo();
    expect(s.get().nodes.map((n) => n.id)).toEqual(["t", "g"]);
    expect(s.get().inputs.map((i) => i.id)).toEqual(["prompt", "count"]);
  });

  it("of a field a new connection fills are dropped with that connection", () => {
    const s = setup([text("t", "a cat"), generate("g", "flux-schnell")]);
    s.get().setInputs([{ id: "p", node_id: "g", field: "params.prompt", label: "Prompt" }, COUNT]);
    expect(
      s.get().connect({ source: "t", sourceHandle: "text", target: "g", targetHandle: "prompt" }),
    ).toBeNull();
    expect(s.get().inputs.map((i) => i.id)).toEqual(["count"]);
  });
});
