import { describe, expect, it } from "vitest";
import { moved, nameProblem, newInput } from "@/components/flows/form/new-input";
import {
  applyInputs,
  exposableFields,
  type FlowGraph,
  type FlowInput,
  type FlowNode,
  fittingInputs,
  flowCatalog,
  inputsJsonSchema,
  parseInputs,
  resolveInputs,
  validateGraph,
} from "@/lib/flows/graph";
import { parseGraph } from "@/lib/flows/graph-error";
import { LITE_MODELS } from "@/lib/models-lite";

const catalog = flowCatalog(LITE_MODELS);
const at = { x: 0, y: 0 };
const ASSET = "0b7e4f8a-1c2d-4e5f-8a9b-c0d1e2f3a4b5";

function flow(inputs: FlowInput[], prompt = "a red fox"): FlowGraph {
  const nodes: FlowNode[] = [
    { id: "t", type: "text", position: at, data: { text: prompt } },
    { id: "g", type: "generate", position: at, data: { model: "flux-schnell", params: { num_outputs: 2 } } },
    { id: "img", type: "image", position: at, data: { asset_id: ASSET, url: "https://example.com/p.png" } },
    { id: "up", type: "generate", position: at, data: { model: "real-esrgan", params: {} } },
    { id: "out", type: "output", position: at, data: {} },
  ];
  return {
    nodes,
    edges: [
      { id: "e1", source: "t", sourceHandle: "text", target: "g", targetHandle: "prompt" },
      { id: "e2", source: "img", sourceHandle: "image", target: "up", targetHandle: "image" },
      { id: "e3", source: "g", sourceHandle: "image", target: "out", targetHandle: "image" },
      { id: "e4", source: "up", sourceHandle: "image", target: "out", targetHandle: "image" },
    ],
    inputs,
  };
}

const PROMPT: FlowInput = { id: "prompt", node_id: "t", field: "text", label: "Prompt" };
const COUNT: FlowInput = { id: "count", node_id: "g", field: "params.num_outputs", label: "How many" };
const SCALE: FlowInput = { id: "scale", node_id: "up", field: "params.scale", label: "Scale", default: 2 };
const PHOTO: FlowInput = { id: "photo", node_id: "img", field: "image", label: "Photo" };

describe("a flow's inputs", () => {
  it("take their kind from the node field and their default from the input, else the node", () => {
    const { inputs, issues } = resolveInputs(flow([PROMPT, COUNT, SCALE, PHOTO]), catalog);
    expect(issues).toEqual([]);
    expect(inputs.map((i) => [i.id, i.kind, i.default, i.required])).toEqual([
      ["prompt", "text", "a red fox", false],
      ["count", "integer", 2, false],
      ["scale", "enum", 2, false],
      ["photo", "image", ASSET, false],
    ]);
  });

  it("are required where neither the input nor the node has a value", () => {
    const { inputs } = resolveInputs(flow([PROMPT], "   "), catalog);
    expect(inputs[0]).toMatchObject({ id: "prompt", required: true, default: undefined });
  });

  it("publish a JSON Schema in form order, with titles, defaults, ranges and choices", () => {
    const { inputs } = resolveInputs(flow([COUNT, PROMPT, SCALE], ""), catalog);
    const schema = inputsJsonSchema(inputs, "Fox flow");
    expect(schema).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: "Fox flow",
      type: "object",
      additionalProperties: false,
      required: ["prompt"],
      properties: {
        count: { type: "integer", minimum: 1, maximum: 4, default: 2, title: "How many" },
        prompt: { type: "string", minLength: 1, maxLength: 4000, title: "Prompt" },
        scale: { enum: [2, 4], default: 2, title: "Scale" },
      },
    });
    expect(Object.keys(schema.properties as object)).toEqual(["count", "prompt", "scale"]);
  });

  it.each([
    [{ count: 9 }, "inputs.count", "must be at most 4"],
    [{ count: "2" }, "inputs.count", "must be a whole number"],
    [{ scale: 3 }, "inputs.scale", "must be one of: 2, 4"],
    [{ prompt: "" }, "inputs.prompt", "must not be empty"],
    [{ photo: "not a link" }, "inputs.photo", "must be an asset id or an http(s) URL"],
    [{ colour: "red" }, "inputs.colour", "is not an input of this flow"],
  ])("refuse %j naming %s", (values, field, message) => {
    const { inputs } = resolveInputs(flow([PROMPT, COUNT, SCALE, PHOTO]), catalog);
    expect(parseInputs(inputs, values)).toEqual({ ok: false, field, message: `${field}: ${message}` });
  });

  it("refuse something other than an object", () => {
    const { inputs } = resolveInputs(flow([PROMPT]), catalog);
    expect(parseInputs(inputs, ["a"])).toMatchObject({ ok: false, field: "inputs" });
  });

  it("fill in defaults and write the values into a copy of the graph", () => {
    const graph = flow([PROMPT, COUNT, SCALE, PHOTO]);
    const { inputs } = resolveInputs(graph, catalog);
    const parsed = parseInputs(inputs, { prompt: "  a lighthouse  ", photo: "https://example.com/b.png" });
    expect(parsed).toEqual({
      ok: true,
      values: { prompt: "a lighthouse", count: 2, scale: 2, photo: "https://example.com/b.png" },
    });
    if (!parsed.ok) return;
    const applied = applyInputs(graph, inputs, parsed.values);
    const data = (id: string) => applied.nodes.find((n) => n.id === id)?.data;
    expect(data("t")).toEqual({ text: "a lighthouse" });
    expect(data("g")).toEqual({ model: "flux-schnell", params: { num_outputs: 2 } });
    expect(data("up")).toEqual({ model: "real-esrgan", params: { scale: 2 } });
    // A link replaces the asset (and its preview) rather than sitting beside it.
    expect(data("img")).toEqual({ url: "https://example.com/b.png" });
    expect(graph.nodes.find((n) => n.id === "t")?.data).toEqual({ text: "a red fox" });
  });

  it("leave the graph as it is when every value is the node's own", () => {
    const graph = flow([PROMPT, COUNT, PHOTO]);
    const { inputs } = resolveInputs(graph, catalog);
    const parsed = parseInputs(inputs, {});
    expect(parsed.ok && applyInputs(graph, inputs, parsed.values)).toBe(graph);
  });
});

describe("bad exposures are refused naming the node and field", () => {
  const issuesOf = (inputs: FlowInput[]) =>
    validateGraph(flow(inputs), catalog).map(({ node_id, field, message }) => ({ node_id, field, message }));

  it.each<[string, FlowInput[], { node_id: string; field: string; message: RegExp }]>([
    [
      "a missing node",
      [{ id: "x", node_id: "nope", field: "text", label: "X" }],
      { node_id: "nope", field: "text", message: /no node “nope”/ },
    ],
    [
      "a field the node lacks",
      [{ id: "x", node_id: "g", field: "params.colour", label: "X" }],
      { node_id: "g", field: "params.colour", message: /cannot be an input/ },
    ],
    [
      "a field a connection fills",
      [{ id: "x", node_id: "g", field: "params.prompt", label: "X" }],
      { node_id: "g", field: "params.prompt", message: /connection fills this field/ },
    ],
    [
      "a default the field refuses",
      [{ ...COUNT, default: 12 }],
      { node_id: "g", field: "params.num_outputs", message: /default must be at most 4/ },
    ],
    [
      "two inputs of one name",
      [PROMPT, { ...COUNT, id: "prompt" }],
      { node_id: "g", field: "params.num_outputs", message: /another input has this name/ },
    ],
    [
      "one field twice",
      [PROMPT, { ...PROMPT, id: "again" }],
      { node_id: "t", field: "text", message: /already input “prompt”/ },
    ],
  ])("%s", (_, inputs, expected) => {
    expect(issuesOf(inputs)).toEqual([
      { node_id: expected.node_id, field: expected.field, message: expect.stringMatching(expected.message) },
    ]);
  });

  it("a malformed name, when the graph is read", () => {
    let error: unknown;
    try {
      parseGraph(flow([{ ...PROMPT, id: "my prompt" }]));
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: "bad_request",
      field: "text",
      details: { node_id: "t" },
      message: expect.stringContaining("Input “my prompt”: id: must start with a letter"),
    });
  });
});

describe("exposures after an edit", () => {
  it("go with their node, or when a connection now fills their field; an unknown model keeps them", () => {
    const graph = flow([PROMPT, COUNT, SCALE]);
    const gone = { ...graph, nodes: graph.nodes.filter((n) => n.id !== "t") };
    expect(fittingInputs(gone, catalog).map((i) => i.id)).toEqual(["count", "scale"]);
    const exposedPrompt = flow([{ id: "p", node_id: "g", field: "params.prompt", label: "P" }, COUNT]);
    expect(fittingInputs(exposedPrompt, catalog).map((i) => i.id)).toEqual(["count"]);
    expect(fittingInputs(graph, flowCatalog([])).map((i) => i.id)).toEqual(["prompt", "count", "scale"]);
  });
});

describe("a field exposed in the editor", () => {
  it("is named after its field, a prompt's Text node “prompt”, unique in the flow", () => {
    const graph = flow([]);
    const [textField] = exposableFields(graph, graph.nodes[0] as FlowNode, catalog);
    const countField = exposableFields(graph, graph.nodes[1] as FlowNode, catalog).find(
      (f) => f.field === "params.num_outputs",
    );
    if (!textField || !countField) throw new Error("fields expected");
    expect(newInput({ ...graph, inputs: [] }, "t", textField)).toEqual({
      id: "prompt",
      node_id: "t",
      field: "text",
      label: "Prompt",
    });
    const taken = [{ ...PROMPT, id: "num_outputs" }];
    expect(newInput({ ...graph, inputs: taken }, "g", countField)).toMatchObject({
      id: "num_outputs_2",
      label: "Number of images",
    });
  });

  it("takes a new name only when it is one, and moves one place at a time", () => {
    expect(nameProblem("my prompt", [])).toMatch(/Letters, digits/);
    expect(nameProblem("count", [COUNT])).toMatch(/Another input/);
    expect(nameProblem("count_2", [COUNT])).toBeNull();
    expect(moved(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
  });

  it("offers no images a connection brings and nothing a connection fills", () => {
    const graph = flow([]);
    const fields = (id: string) =>
      exposableFields(graph, graph.nodes.find((n) => n.id === id) as FlowNode, catalog).map((f) => f.field);
    expect(fields("g")).not.toContain("params.prompt");
    expect(fields("up")).toEqual(["params.scale", "params.face_enhance"]);
    expect(fields("out")).toEqual([]);
  });
});
