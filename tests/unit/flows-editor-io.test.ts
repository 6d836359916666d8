import { describe, expect, it } from "vitest";
import { layoutPositions } from "@/components/flows/auto-layout";
import { fromGraph, toGraph } from "@/components/flows/graph-io";
import { SHORTCUTS, shortcutOf } from "@/components/flows/shortcuts";
import type { EditorEdge, EditorNode } from "@/components/flows/store/types";
import { flowGraphSchema } from "@/lib/flows/graph";

const nodes: EditorNode[] = [
  {
    id: "t",
    type: "text",
    position: { x: 10.4, y: 20.6 },
    data: { text: "a fox" },
    selected: true,
    dragging: false,
    measured: { width: 256, height: 140 },
  },
  { id: "g", type: "generate", position: { x: 400, y: 0 }, data: { model: "flux-schnell", params: {} } },
];
const edges: EditorEdge[] = [
  { id: "e", source: "t", sourceHandle: "text", target: "g", targetHandle: "prompt", selected: true },
];

describe("saving the editor's graph", () => {
  it("keeps an Image node's asset id and drops the link older graphs kept beside it", () => {
    const link = "http://127.0.0.1:3000/api/files/users/u/a.png?exp=1&sig=x";
    const images: EditorNode[] = [
      {
        id: "a",
        type: "image",
        position: { x: 0, y: 0 },
        data: { asset_id: "00000000-0000-4000-8000-000000000001", url: link },
      },
      { id: "b", type: "image", position: { x: 0, y: 0 }, data: { url: "https://example.com/cat.png" } },
    ];
    const saved = toGraph(images, []);
    expect(saved.nodes.map((n) => n.data)).toEqual([
      { asset_id: "00000000-0000-4000-8000-000000000001" },
      { url: "https://example.com/cat.png" },
    ]);
  });

  it("keeps the flow and drops what React Flow adds at run time", () => {
    const graph = toGraph(nodes, edges, { x: 1, y: 2, zoom: 0.5 });
    expect(graph.nodes[0]).toEqual({
      id: "t",
      type: "text",
      position: { x: 10, y: 21 },
      data: { text: "a fox" },
    });
    expect(graph.edges[0]).toEqual({
      id: "e",
      source: "t",
      sourceHandle: "text",
      target: "g",
      targetHandle: "prompt",
    });
    expect(graph.viewport).toEqual({ x: 1, y: 2, zoom: 0.5 });
    // What the editor saves is what the API accepts.
    expect(flowGraphSchema.safeParse(graph).success).toBe(true);
  });

  it("loads a saved graph as editable copies", () => {
    const graph = toGraph(nodes, edges);
    const loaded = fromGraph(graph);
    expect(loaded.nodes.map((n) => n.id)).toEqual(["t", "g"]);
    const [copy] = loaded.nodes;
    const [saved] = graph.nodes;
    if (copy?.type !== "text" || saved?.type !== "text") throw new Error("expected a text node first");
    copy.data.text = "changed";
    expect(saved.data.text).toBe("a fox");
  });
});

describe("auto-layout", () => {
  it("places nodes left to right in the direction data flows", () => {
    const positions = layoutPositions([nodes[1] as EditorNode, nodes[0] as EditorNode], edges);
    expect((positions.get("t")?.x ?? 0) < (positions.get("g")?.x ?? 0)).toBe(true);
  });
});

describe("keyboard shortcuts", () => {
  const key = (
    k: string,
    mods: Partial<Record<"metaKey" | "ctrlKey" | "shiftKey" | "altKey", boolean>> = {},
  ) => shortcutOf({ key: k, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, ...mods });

  it.each([
    [key("z", { ctrlKey: true }), "undo"],
    [key("Z", { metaKey: true, shiftKey: true }), "redo"],
    [key("y", { ctrlKey: true }), "redo"],
    [key("c", { metaKey: true }), "copy"],
    [key("v", { ctrlKey: true }), "paste"],
    [key("Delete"), "delete"],
    [key("Backspace"), "delete"],
    [key("L", { shiftKey: true }), "layout"],
    [key("Enter", { ctrlKey: true }), "run"],
    [key("?", { shiftKey: true }), "help"],
  ])("maps a key press to %s", (action, expected) => {
    expect(action).toBe(expected);
  });

  it("ignores plain letters and Alt combinations", () => {
    expect(key("z")).toBeNull();
    expect(key("z", { ctrlKey: true, altKey: true })).toBeNull();
  });

  it("lists every action in the help exactly once", () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
  });
});
