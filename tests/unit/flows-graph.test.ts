import { describe, expect, it } from "vitest";
import {
  type FlowGraph,
  type FlowNode,
  flowCatalog,
  flowGraphSchema,
  MAX_NODES,
  portsOf,
  validateConnection,
  validateGraph,
} from "@/lib/flows/graph";
import { getModel } from "@/lib/models-config";
import { LITE_MODELS } from "@/lib/models-lite";

const catalog = flowCatalog(LITE_MODELS);
const at = { x: 0, y: 0 };
const text = (id: string, value = "a red fox"): FlowNode => ({
  id,
  type: "text",
  position: at,
  data: { text: value },
});
const image = (id: string): FlowNode => ({
  id,
  type: "image",
  position: at,
  data: { url: "https://example.com/a.png" },
});
const gen = (id: string, model: string, params: Record<string, unknown> = {}): FlowNode => ({
  id,
  type: "generate",
  position: at,
  data: { model, params },
});
const output = (id: string): FlowNode => ({ id, type: "output", position: at, data: {} });
const edge = (source: string, target: string, targetHandle: string, sourceHandle: string | null = null) => ({
  id: `${source}-${target}-${targetHandle}`,
  source,
  target,
  sourceHandle,
  targetHandle,
});

describe("ports of catalog models", () => {
  const ports = (id: string) => portsOf(getModel(id) as NonNullable<ReturnType<typeof getModel>>);

  it("turn the catalog's ports into handles: text or image, and how many edges each takes", () => {
    expect(ports("flux-schnell")).toMatchObject({
      inputs: [{ name: "prompt", kind: "text" }],
      output: "image",
    });
    expect(ports("real-esrgan").inputs).toEqual([
      { name: "image", kind: "image", required: true, label: "Image", max: 1, param: "image" },
    ]);
    expect(ports("kling-2-5-turbo-i2v")).toMatchObject({
      inputs: [
        { name: "prompt" },
        { name: "first_frame", kind: "image", required: true, max: 1 },
        { name: "last_frame", kind: "image", required: false },
      ],
      output: "video",
    });
    expect(ports("fal-nano-banana-edit").inputs[1]).toMatchObject({
      name: "reference_images",
      kind: "image",
      max: 4,
    });
  });

  it("reads ports off the parameters of a model that declares none", () => {
    const params = [
      { name: "prompt", type: "string", label: "Prompt", required: true, control: "textarea" },
      { name: "image_url", type: "image", label: "First frame", required: true, control: "image" },
      { name: "last_frame_url", type: "image", label: "Last frame", required: false, control: "image" },
    ] as const;
    expect(portsOf({ kind: "video", params }).inputs.map((p) => [p.name, p.param])).toEqual([
      ["prompt", "prompt"],
      ["first_frame", "image_url"],
      ["last_frame", "last_frame_url"],
    ]);
  });
});

describe("validateConnection", () => {
  const graph: FlowGraph = {
    nodes: [
      text("t"),
      image("i"),
      gen("g", "flux-schnell"),
      gen("u", "real-esrgan"),
      gen("e", "fal-nano-banana-edit"),
    ],
    edges: [],
  };
  const check = (g: FlowGraph, c: Parameters<typeof validateConnection>[1]) =>
    validateConnection(g, c, catalog);

  it("lets text feed a prompt and an image feed an image input", () => {
    expect(check(graph, { source: "t", target: "g", sourceHandle: "text", targetHandle: "prompt" })).toEqual({
      ok: true,
    });
    expect(check(graph, { source: "g", target: "u", sourceHandle: "image", targetHandle: "image" })).toEqual({
      ok: true,
    });
  });

  it("refuses a kind that does not match, with the reason", () => {
    expect(check(graph, { source: "i", target: "g", targetHandle: "prompt" })).toEqual({
      ok: false,
      reason: "Prompt takes text, not an image.",
    });
  });

  it("refuses a self-link, an unknown handle and a second edge into one input", () => {
    expect(check(graph, { source: "u", target: "u", targetHandle: "image" })).toMatchObject({ ok: false });
    expect(check(graph, { source: "t", target: "g", targetHandle: "mask" })).toMatchObject({
      reason: expect.stringContaining("no input named “mask”"),
    });
    const once = { ...graph, edges: [edge("t", "g", "prompt")] };
    expect(check(once, { source: "t", target: "g", targetHandle: "prompt" })).toMatchObject({
      reason: "These two are connected already.",
    });
    const other = { ...once, nodes: [...once.nodes, text("t2")] };
    expect(check(other, { source: "t2", target: "g", targetHandle: "prompt" })).toMatchObject({
      reason: expect.stringContaining("already has an input"),
    });
    // Moving the existing edge to another source is allowed: it is not counted against itself.
    expect(check(other, { id: "t-g-prompt", source: "t2", target: "g", targetHandle: "prompt" })).toEqual({
      ok: true,
    });
  });

  it("lets a list input take up to its maximum", () => {
    const sources = ["a", "b", "c", "d", "x"].map((id) => image(id));
    const g: FlowGraph = {
      nodes: [...graph.nodes, ...sources],
      edges: ["a", "b", "c", "d"].map((s) => edge(s, "e", "reference_images")),
    };
    expect(check(g, { source: "x", target: "e", targetHandle: "reference_images" })).toMatchObject({
      reason: "Images takes at most 4 inputs.",
    });
  });

  it("refuses a loop", () => {
    const g: FlowGraph = {
      nodes: [gen("a", "flux-kontext-pro"), gen("b", "real-esrgan")],
      edges: [edge("a", "b", "image")],
    };
    expect(check(g, { source: "b", target: "a", targetHandle: "image" })).toMatchObject({
      reason: expect.stringContaining("loop"),
    });
  });
});

describe("validateGraph", () => {
  it("accepts a well-formed, complete chain", () => {
    const g: FlowGraph = {
      nodes: [text("t"), gen("g", "flux-schnell"), gen("u", "real-esrgan"), output("o")],
      edges: [edge("t", "g", "prompt"), edge("g", "u", "image"), edge("u", "o", "image")],
    };
    expect(validateGraph(g, catalog, { complete: true })).toEqual([]);
  });

  it("names the node and field of each problem", () => {
    const g: FlowGraph = {
      nodes: [gen("g", "no-such-model"), text("t"), gen("u", "real-esrgan")],
      edges: [edge("t", "u", "image")],
    };
    expect(validateGraph(g, catalog)).toEqual([
      { node_id: "g", field: "model", message: "Unknown model “no-such-model”." },
      {
        node_id: "u",
        edge_id: "t-u-image",
        field: "inputs.image",
        message: "Image takes an image, not text.",
      },
    ]);
  });

  it("reports a loop sent straight to the API once, with its nodes", () => {
    const g: FlowGraph = {
      nodes: [gen("a", "flux-kontext-pro"), gen("b", "real-esrgan")],
      edges: [edge("a", "b", "image"), edge("b", "a", "image")],
    };
    expect(validateGraph(g, catalog)).toEqual([
      { node_id: "a", field: "edges", message: "These nodes form a loop: a → b → a." },
    ]);
  });

  it("leaves missing inputs to a run, and then names them", () => {
    const g: FlowGraph = {
      nodes: [gen("u", "real-esrgan"), gen("g", "flux-schnell"), text("t", " ")],
      edges: [],
    };
    expect(validateGraph(g, catalog)).toEqual([]);
    expect(validateGraph(g, catalog, { complete: new Set(["u", "g"]) })).toEqual([
      { node_id: "u", field: "inputs.image", message: "Image is required: connect it or fill it in." },
      { node_id: "g", field: "inputs.prompt", message: "Prompt is required: connect it or fill it in." },
    ]);
    // A prompt typed into the node counts as given.
    const typed = { ...g, nodes: [gen("g", "flux-schnell", { prompt: "a cat" })] };
    expect(validateGraph(typed, catalog, { complete: true })).toEqual([]);
  });

  it("parses React Flow's objects, dropping what the editor keeps for itself", () => {
    const parsed = flowGraphSchema.parse({
      nodes: [{ ...text("t"), selected: true, measured: { width: 10, height: 5 }, dragging: false }],
      edges: [],
      viewport: { x: 1, y: 2, zoom: 1.5 },
    });
    expect(parsed.nodes[0]).toEqual(text("t"));
  });

  it("refuses unknown node types and graphs over the limits", () => {
    const bad = flowGraphSchema.safeParse({
      nodes: [{ id: "x", type: "script", position: at, data: {} }],
      edges: [],
    });
    expect(bad.success).toBe(false);
    const big = flowGraphSchema.safeParse({
      nodes: Array.from({ length: MAX_NODES + 1 }, (_, i) => text(`t${i}`)),
      edges: [],
    });
    expect(big.error?.issues[0]).toMatchObject({
      path: ["nodes"],
      message: "a flow holds at most 200 nodes",
    });
  });
});
