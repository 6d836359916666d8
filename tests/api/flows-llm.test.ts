// LLM text nodes in flows, on the emulator's Gemini: a text model enhances or brainstorms what
// it is given, under the node's instruction and temperature, and its answer is the prompt of
// the steps after it. An answer is reused only while the node is pinned; the starter template
// "prompt → LLM enhance → 4 models" runs end to end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowNode } from "../../lib/flows/graph-schema";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { createFlow, ledgerOf, link, node, startRun, statuses, waitForRun } from "../helpers/flows";
import { signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders } from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ speedFactor: 0.2, env: { STARTING_CREDITS: "100" } }));
});
afterAll(() => stopAppWithProviders(app, emulator));

const llm = (id: string, params: Record<string, unknown>, pinned?: boolean): FlowNode => ({
  id,
  type: "llm",
  position: { x: 0, y: 0 },
  data: { model: "gemini-text", params, ...(pinned !== undefined && { pinned }) },
});

/** The prompt each generation of a run was sent, by node. */
async function promptsOf(runId: string): Promise<Record<string, string | null>> {
  const rows = await app.db.sql<{ node_id: string; prompt: string | null }[]>`
    select node_id, input->>'prompt' as prompt from generations where flow_run_id = ${runId}`;
  return Object.fromEntries(rows.map((r) => [r.node_id, r.prompt]));
}

describe("an LLM text node", () => {
  it("enhances its input under its instruction and temperature, and its answer prompts the next step", async () => {
    const email = "llm-chain@example.com";
    const client = await signIn(app.url, email);
    const flowId = await createFlow(client, {
      nodes: [
        node.text("t", "a lighthouse"),
        llm("l", { mode: "enhance", instruction: "Make it stormy.", temperature: 0.4 }),
        node.generate("a", "flux-schnell"),
      ],
      edges: [link("t", "l", "prompt"), link("l", "a", "prompt", "text")],
    });
    const estimate = await client.post(`/api/flows/${flowId}/estimate`, {});
    expect(estimate.body).toMatchObject({ credits: 2, nodes: [{}, { node_id: "l", credits: 1 }, {}] });
    const runId = await startRun(client, flowId);
    const run = await waitForRun(client, flowId, runId);
    expect(run.status, JSON.stringify(run.nodes)).toBe("completed");
    expect(statuses(run)).toEqual({ t: "done", l: "done", a: "done" });
    const answer = run.nodes.find((n) => n.node_id === "l");
    expect(answer).toMatchObject({ credits: 1, outputs: [], text: expect.stringContaining("a lighthouse") });
    expect(run.nodes.find((n) => n.node_id === "a")?.outputs).toHaveLength(1);

    // Gemini was asked to enhance, with the instruction and at the node's temperature.
    const request = emulator.geminiRequests.at(-1)?.body as {
      contents: { parts: { text: string }[] }[];
      generationConfig: { temperature?: number };
      systemInstruction: { parts: { text: string }[] };
    };
    expect(request.contents[0]?.parts[0]?.text).toBe(
      "Prompt to improve: a lighthouse\n\nInstruction: Make it stormy.",
    );
    expect(request.generationConfig.temperature).toBe(0.4);
    expect(request.systemInstruction.parts[0]?.text).toMatch(/You improve text-to-image prompts/);
    // The image step was prompted with the answer itself.
    expect((await promptsOf(runId)).a).toBe(answer?.text);
    const ledger = await ledgerOf(app, email, runId);
    expect(ledger.filter((l) => l.reason === "charge").map((l) => l.delta)).toEqual([-1, -1]);
  });

  it("runs again each time unless pinned; pinned, its answer is reused for nothing", async () => {
    const client = await signIn(app.url, "llm-pin@example.com");
    const graph = (pinned: boolean) => ({
      nodes: [
        node.text("t", "a fox in the snow"),
        llm("l", { mode: "brainstorm", instruction: "Playful.", temperature: 0.9 }, pinned),
        node.generate("a", "flux-schnell"),
      ],
      edges: [link("t", "l", "prompt"), link("l", "a", "prompt")],
    });
    const flowId = await createFlow(client, graph(false));
    const first = await waitForRun(client, flowId, await startRun(client, flowId));
    expect(first.status, JSON.stringify(first.nodes)).toBe("completed");
    // A brainstorm's ideas are the node's text; the first one prompts the next step.
    const answer = first.nodes.find((n) => n.node_id === "l");
    const [stored] = await app.db.sql<{ outputs: { label: string; text: string }[] }[]>`
      select outputs from generations where id = ${answer?.generation_id ?? null}`;
    const ideas = stored?.outputs.map((o) => o.text) ?? [];
    expect(stored?.outputs.map((o) => o.label)).toEqual(["idea", "idea", "idea", "idea"]);
    expect(answer?.text).toBe(ideas.join("\n\n"));
    expect((await promptsOf(first.id)).a).toBe(ideas[0]);

    const again = await waitForRun(client, flowId, await startRun(client, flowId));
    expect(statuses(again)).toMatchObject({ l: "done" });
    expect(again.nodes.find((n) => n.node_id === "l")?.credits).toBe(1);
    expect(Object.keys(await promptsOf(again.id))).toContain("l");

    const pin = await client.request("PATCH", `/api/flows/${flowId}`, { json: { graph: graph(true) } });
    expect(pin.status).toBe(200);
    const estimate = await client.post(`/api/flows/${flowId}/estimate`, {});
    const lastAnswer = again.nodes.find((n) => n.node_id === "l")?.generation_id;
    expect(estimate.body).toMatchObject({
      nodes: [{}, { node_id: "l", credits: 0, reused_from: lastAnswer }, {}],
    });
    const pinned = await waitForRun(client, flowId, await startRun(client, flowId));
    expect(statuses(pinned)).toEqual({ t: "done", l: "reused", a: "reused" });
    expect(pinned.nodes.find((n) => n.node_id === "l")).toMatchObject({
      reused_from: lastAnswer,
      credits: 0,
      text: ideas.join("\n\n"),
    });
    expect(pinned.charged_credits).toBe(0);
  });
});

describe("the starter template “prompt → LLM enhance → 4 models”", () => {
  it("runs end to end: one enhanced prompt, four images side by side", async () => {
    const email = "llm-template@example.com";
    const client = await signIn(app.url, email);
    const created = await client.post<{ id: string }>("/api/flows", { template: "enhance-four-models" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const flowId = created.body.id;
    const runId = await startRun(client, flowId);
    const run = await waitForRun(client, flowId, runId, undefined, 90_000);
    expect(run.status, JSON.stringify(run.nodes)).toBe("completed");
    const models = ["flux-schnell", "flux-1-1-pro", "fal-flux-dev", "gemini-2-5-flash-image"];
    for (const model of models) {
      const step = run.nodes.find((n) => n.node_id === model);
      expect(step?.status, model).toBe("done");
      expect(step?.outputs[0]?.mime, model).toMatch(/^image\//);
    }
    const enhanced = run.nodes.find((n) => n.node_id === "enhance")?.text;
    expect(enhanced).toContain("a cozy reading nook");
    const prompts = await promptsOf(runId);
    for (const model of models) expect(prompts[model], model).toBe(enhanced);
    expect(run.charged_credits).toBe(run.estimated_credits);
    await ledgerOf(app, email);
  }, 120_000);
});
