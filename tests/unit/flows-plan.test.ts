import { describe, expect, it } from "vitest";
import { flowCatalog } from "@/lib/flows/catalog";
import type { FlowEdge, FlowGraph, FlowNode } from "@/lib/flows/graph-schema";
import { canonicalJson, catalogVersion, fileKey, nodeKey, textKey } from "@/lib/flows/node-key";
import { type PlanContext, planRun, type Reusable, type RunnableModel } from "@/lib/flows/plan-run";
import { FLOW_TEMPLATES } from "@/lib/flows/templates";
import { validateGraph } from "@/lib/flows/validate-graph";
import { getModel, MODELS } from "@/lib/models-config";
import { priceOf } from "@/lib/pricing";

const catalog = flowCatalog(MODELS);
const at = { x: 0, y: 0 };
const text = (id: string, value: string): FlowNode => ({
  id,
  type: "text",
  position: at,
  data: { text: value },
});
const gen = (id: string, model: string, params: Record<string, unknown> = {}): FlowNode => ({
  id,
  type: "generate",
  position: at,
  data: { model, params },
});
const edge = (source: string, target: string, targetHandle: string): FlowEdge => ({
  id: `${source}-${target}`,
  source,
  target,
  sourceHandle: null,
  targetHandle,
});

function runnable(id: string, enabled = true): RunnableModel | undefined {
  const model = getModel(id);
  return (
    model && {
      model,
      enabled,
      price: (input) => priceOf(model, input),
      limits: { hourlyLimit: 100, dailyModelCap: 100, dailyCap: 100 },
    }
  );
}

function context(
  graph: FlowGraph,
  done: Map<string, Reusable> = new Map(),
  disabled: string[] = [],
): PlanContext {
  return {
    graph,
    catalog,
    model: (id) => runnable(id, !disabled.includes(id)),
    images: { byId: new Map(), byLink: new Map() },
    findReusable: async (key) => done.get(key) ?? null,
  };
}

// text → flux-schnell (1 credit per image) → real-esrgan (2 credits)
const chain: FlowGraph = {
  nodes: [
    text("t", "a fox"),
    gen("a", "flux-schnell", { num_outputs: 2, seed: 7 }),
    gen("b", "real-esrgan"),
    gen("c", "real-esrgan", { scale: 2 }),
  ],
  edges: [edge("t", "a", "prompt"), edge("a", "b", "image"), edge("b", "c", "image")],
};

describe("node keys", () => {
  it("spell a value one way whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"z":1}]},"b":1}',
    );
  });

  it("change with the params, the seed, the inputs and the catalog version, and only with them", () => {
    const base = {
      type: "generate" as const,
      model: "flux-schnell",
      catalogVersion: "v1",
      params: { prompt: "x", seed: 1 },
      inputs: { image: [fileKey("ab".repeat(32))] },
    };
    const key = nodeKey(base);
    expect(nodeKey({ ...base, params: { seed: 1, prompt: "x" } })).toBe(key);
    expect(nodeKey({ ...base, params: { prompt: "x", seed: 2 } })).not.toBe(key);
    expect(nodeKey({ ...base, inputs: { image: [fileKey("cd".repeat(32))] } })).not.toBe(key);
    expect(nodeKey({ ...base, catalogVersion: "v2" })).not.toBe(key);
    expect(nodeKey(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("give each catalog model a version that moves with what it runs, not with its price", () => {
    const model = getModel("flux-schnell");
    if (!model) throw new Error("catalog changed");
    const version = catalogVersion(model);
    const repriced = { ...model, price: { unit: "image", credits: 99 } };
    expect(catalogVersion(repriced)).toBe(version);
    expect(catalogVersion({ ...model, providerRef: "black-forest-labs/flux-schnell:other" })).not.toBe(
      version,
    );
  });
});

describe("planning a run", () => {
  it("prices every node that will run when nothing can be reused", async () => {
    const result = await planRun(context(chain), {});
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.plan.targets).toEqual(["c"]);
    expect(result.plan.nodes.map((n) => [n.node_id, n.status, n.estimated_credits])).toEqual([
      ["t", "done", 0],
      ["a", "queued", 2],
      ["b", "queued", 2],
      ["c", "queued", 2],
    ]);
    expect(result.plan.credits).toBe(6);
    // The first model node's inputs are known, so its key is; the rest wait for results.
    expect(result.plan.nodes[1]?.key).toMatch(/^[0-9a-f]{64}$/);
    expect(result.plan.nodes[2]?.key).toBeNull();
  });

  it("reuses finished nodes at no cost and prices only what changed", async () => {
    const first = await planRun(context(chain), {});
    if (!first.ok) throw new Error("plan failed");
    const keyA = first.plan.nodes[1]?.key as string;
    const outA = "11".repeat(32);
    const done = new Map<string, Reusable>([
      [
        keyA,
        { generationId: "gen-a", value: { key: fileKey(outA), asset: { id: "asset-a", path: "a.png" } } },
      ],
    ]);
    // What b's key will be once a's result is known: find it by planning with a reused.
    const second = await planRun(context(chain, done), {});
    if (!second.ok) throw new Error("plan failed");
    expect(second.plan.nodes.map((n) => [n.node_id, n.status, n.estimated_credits, n.reused_from])).toEqual([
      ["t", "done", 0, null],
      ["a", "reused", 0, "gen-a"],
      ["b", "queued", 2, null],
      ["c", "queued", 2, null],
    ]);
    expect(second.plan.credits).toBe(4);
    // Forcing a runs it again, and everything after it with it.
    const forced = await planRun(context(chain, done), { force: ["a"] });
    expect(forced.ok && forced.plan.credits).toBe(6);
  });

  it("runs only the target and what it depends on", async () => {
    const branchy: FlowGraph = {
      nodes: [...chain.nodes, text("t2", "a cat"), gen("x", "flux-1-1-pro")],
      edges: [...chain.edges, edge("t2", "x", "prompt")],
    };
    const result = await planRun(context(branchy), { targets: ["b"] });
    expect(result.ok && result.plan.nodes.map((n) => n.node_id)).toEqual(["t", "a", "b"]);
    // No targets: every last node (there is no Output), both branches.
    const all = await planRun(context(branchy), {});
    expect(all.ok && all.plan.targets).toEqual(["c", "x"]);
  });

  it("names the node and field of what keeps a run from starting", async () => {
    const broken: FlowGraph = {
      nodes: [text("t", "a fox"), gen("a", "flux-schnell", { num_outputs: 9 }), gen("b", "real-esrgan")],
      edges: [edge("t", "a", "prompt")],
    };
    const result = await planRun(context(broken), {});
    expect(result).toEqual({
      ok: false,
      issues: [
        { node_id: "b", field: "inputs.image", message: "Image is required: connect it or fill it in." },
      ],
    });
    const bad = await planRun(context({ ...broken, nodes: broken.nodes.slice(0, 2) }), {});
    expect(bad).toMatchObject({ ok: false, issues: [{ node_id: "a", field: "params.num_outputs" }] });
    const disabled = await planRun(context(chain, new Map(), ["real-esrgan"]), {});
    expect(disabled).toMatchObject({
      ok: false,
      issues: [
        { node_id: "b", field: "model", message: expect.stringContaining("not available") },
        { node_id: "c", field: "model" },
      ],
    });
    expect(await planRun(context(chain), { targets: ["nope"] })).toMatchObject({
      ok: false,
      issues: [{ field: "targets" }],
    });
  });

  describe("LLM nodes", () => {
    const llm = (data: Partial<Extract<FlowNode, { type: "llm" }>["data"]> = {}): FlowNode => ({
      id: "l",
      type: "llm",
      position: at,
      data: { params: {}, ...data },
    });
    const withLlm = (node: FlowNode): FlowGraph => ({
      nodes: [text("t", "an idea"), node, gen("a", "flux-schnell")],
      edges: [edge("t", "l", "prompt"), edge("l", "a", "prompt")],
    });
    const keyOf = async (node: FlowNode) => {
      const planned = await planRun(context(withLlm(node)), {});
      if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
      return planned.plan.nodes.find((n) => n.node_id === "l")?.key;
    };

    it("are validated against text models, and run the default one when they name none", async () => {
      expect(validateGraph(withLlm(llm()), catalog)).toEqual([]);
      expect(validateGraph(withLlm(llm({ model: "flux-schnell" })), catalog)).toEqual([
        { node_id: "l", field: "model", message: "FLUX.1 [schnell] is not a text model." },
      ]);
      const planned = await planRun(context(withLlm(llm())), {});
      expect(planned).toMatchObject({
        ok: true,
        plan: {
          credits: 2,
          nodes: [
            { node_id: "t", status: "done" },
            // Its text is not known yet, so what it feeds cannot be keyed or reused.
            { node_id: "l", status: "queued", estimated_credits: 1, key: expect.any(String) },
            { node_id: "a", status: "queued", estimated_credits: 1, key: null },
          ],
        },
      });
      expect(await keyOf(llm())).toBe(await keyOf(llm({ model: "gemini-text" })));
    });

    it("are keyed by mode, instruction and temperature, not by being pinned", async () => {
      const base = await keyOf(llm({ params: { mode: "enhance", instruction: "warmer" } }));
      expect(await keyOf(llm({ params: { mode: "enhance", instruction: "warmer" }, pinned: true }))).toBe(
        base,
      );
      expect(await keyOf(llm({ params: { mode: "enhance", instruction: "warmer", temperature: 0.7 } }))).toBe(
        base,
      );
      for (const params of [
        { mode: "brainstorm", instruction: "warmer" },
        { mode: "enhance", instruction: "cooler" },
        { mode: "enhance", instruction: "warmer", temperature: 0.2 },
      ])
        expect(await keyOf(llm({ params })), JSON.stringify(params)).not.toBe(base);
    });

    it("reuse a finished answer only when pinned or at temperature 0", async () => {
      const answer = { key: textKey("a detailed idea"), text: "a detailed idea", generationId: "g-llm" };
      const plan = async (node: FlowNode) => {
        const key = await keyOf(node);
        const done = new Map<string, Reusable>([[key as string, { generationId: "g-llm", value: answer }]]);
        const planned = await planRun(context(withLlm(node), done), {});
        if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
        return planned.plan.nodes.find((n) => n.node_id === "l");
      };
      expect(await plan(llm({ params: { temperature: 0.9 } }))).toMatchObject({
        status: "queued",
        reused_from: null,
      });
      expect(await plan(llm())).toMatchObject({ status: "queued" });
      expect(await plan(llm({ pinned: true }))).toMatchObject({ status: "reused", reused_from: "g-llm" });
      expect(await plan(llm({ params: { temperature: 0 } }))).toMatchObject({ status: "reused" });
    });

    it("name a bad mode as the node's mode", async () => {
      expect(await planRun(context(withLlm(llm({ params: { mode: "sing" } }))), {})).toMatchObject({
        ok: false,
        issues: [{ node_id: "l", field: "params.mode", message: expect.stringMatching(/^mode: /) }],
      });
    });
  });

  it("keeps a text node's key to its text", () => {
    expect(textKey("a fox")).toBe(textKey("a fox"));
    expect(textKey("a fox")).not.toBe(textKey("a fox "));
  });
});

describe("starter templates", () => {
  it("are well-formed flows", () => {
    expect(FLOW_TEMPLATES.length).toBeGreaterThanOrEqual(3);
    for (const template of FLOW_TEMPLATES)
      expect(validateGraph(template.graph, catalog), template.id).toEqual([]);
  });
});
