// Flows as documents: created blank, from a graph or a template, listed, saved with a revision,
// duplicated, versioned (a run records the version it ran, readable as it was) and deleted
// (a running run canceled first, its reservation released).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { balanceOf, createFlow, ledgerOf, link, node, startRun, waitForRun } from "../helpers/flows";
import { type Client, signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders } from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;
let client: Client;
const email = "flows-crud@example.com";

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ speedFactor: 0.2, env: { STARTING_CREDITS: "100" } }));
  client = await signIn(app.url, email);
});
afterAll(() => stopAppWithProviders(app, emulator));

const graph = (prompt: string) => ({
  nodes: [node.text("t", prompt), node.generate("a", "flux-schnell")],
  edges: [link("t", "a", "prompt")],
});

type Flow = { id: string; name: string; graph: { nodes: { id: string }[] }; revision: number };

describe("flows", () => {
  it("come from templates, each a well-formed graph", async () => {
    const templates = await client.get<{ templates: { id: string; name: string }[] }>("/api/flow-templates");
    expect(templates.status).toBe(200);
    expect(templates.body.templates.map((t) => t.id)).toEqual([
      "text-image-upscale",
      "edit-to-video",
      "enhance-four-models",
    ]);
    for (const template of templates.body.templates) {
      const created = await client.post<{ id: string }>("/api/flows", { template: template.id });
      expect(created.status, template.id).toBe(201);
      const flow = await client.get<Flow>(`/api/flows/${created.body.id}`);
      expect(flow.body.name).toBe(template.name);
    }
    const unknown = await client.post("/api/flows", { template: "nope" });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: { field: "template" } });
  });

  it("save with a revision, so a stale save is refused, and duplicate", async () => {
    const id = await createFlow(client, graph("a kite"), "Kites");
    const saved = await client.request<Flow>("PATCH", `/api/flows/${id}`, {
      json: { name: "Kites 2", revision: 1 },
    });
    expect(saved.body).toMatchObject({ name: "Kites 2", revision: 2 });
    const stale = await client.request("PATCH", `/api/flows/${id}`, {
      json: { name: "Kites 3", revision: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: "conflict", field: "revision" } });
    const copy = await client.post<{ id: string }>(`/api/flows/${id}/duplicate`);
    expect(copy.status).toBe(201);
    const copied = await client.get<Flow>(`/api/flows/${copy.body.id}`);
    expect(copied.body).toMatchObject({
      name: "Kites 2 (copy)",
      graph: { nodes: [{ id: "t" }, { id: "a" }] },
    });
  });

  it("record the version each run ran, readable as it was after the flow changed", async () => {
    const id = await createFlow(client, graph("a lantern"), "Lanterns");
    const named = await client.post<{ id: string }>(`/api/flows/${id}/versions`, { name: "first draft" });
    expect(named.status).toBe(201);
    const run = await waitForRun(client, id, await startRun(client, id));
    expect(run.version_id).toBe(named.body.id);

    await client.request("PATCH", `/api/flows/${id}`, { json: { graph: graph("a paper lantern") } });
    const second = await waitForRun(client, id, await startRun(client, id));
    expect(second.version_id).not.toBe(named.body.id);
    const asRan = await client.get<{ graph: { nodes: { data: { text?: string } }[] } }>(
      `/api/flows/${id}/versions/${run.version_id}`,
    );
    expect(asRan.body.graph.nodes[0]?.data.text).toBe("a lantern");
    const versions = await client.get<{ versions: { name: string }[] }>(`/api/flows/${id}/versions`);
    expect(versions.body.versions.map((v) => v.name)).toEqual(["first draft"]);

    const list = await client.get<{
      flows: { id: string; runs: number; last_run_status: string; thumbnail_url: string }[];
    }>("/api/flows");
    expect(list.body.flows.find((f) => f.id === id)).toMatchObject({
      runs: 2,
      last_run_status: "completed",
      thumbnail_url: expect.stringContaining("/api/files/"),
    });
  });

  it("list: a thumbnail of the newest picture, linked the same way on every list within the hour", async () => {
    const own = await signIn(app.url, "flows-list@example.com");
    // The text answer ends after the image: still, the picture is the flow's thumbnail.
    const id = await createFlow(own, {
      nodes: [
        node.text("t", "a tin robot"),
        node.generate("a", "flux-schnell"),
        {
          id: "l",
          type: "llm",
          position: { x: 0, y: 0 },
          data: { model: "gemini-text", params: { mode: "describe" } },
        },
      ],
      edges: [link("t", "a", "prompt"), link("t", "l", "prompt"), link("a", "l", "image")],
    });
    const run = await waitForRun(own, id, await startRun(own, id));
    expect(run.status, JSON.stringify(run.nodes)).toBe("completed");
    type List = { flows: { id: string; thumbnail_url: string | null }[] };
    const first = (await own.get<List>("/api/flows")).body.flows.find((f) => f.id === id);
    expect(first?.thumbnail_url).toContain("/api/files/");
    const thumb = await fetch(new URL(first?.thumbnail_url ?? "", app.url));
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toMatch(/^image\//);
    // A second later: the same link, so the browser's copy of the picture still serves.
    await new Promise((r) => setTimeout(r, 1_100));
    const again = (await own.get<List>("/api/flows")).body.flows.find((f) => f.id === id);
    expect(again?.thumbnail_url).toBe(first?.thumbnail_url);
  });

  it("delete: a running run is canceled first and its reservation released", async () => {
    const id = await createFlow(client, {
      nodes: [
        node.text("t", "a slow river [slow]"),
        node.generate("a", "flux-schnell"),
        node.generate("b", "real-esrgan"),
      ],
      edges: [link("t", "a", "prompt"), link("a", "b", "image")],
    });
    const before = await balanceOf(client);
    const runId = await startRun(client, id);
    await waitForRun(client, id, runId, (r) =>
      r.nodes.some((n) => n.node_id === "a" && n.status === "running"),
    );
    expect((await client.request("DELETE", `/api/flows/${id}`)).status).toBe(204);
    expect((await client.get(`/api/flows/${id}`)).status).toBe(404);
    expect(await balanceOf(client)).toBe(before);
    await ledgerOf(app, email);
    const [gen] = await app.db
      .sql`select status, flow_run_id from generations where node_id = 'a' order by created_at desc limit 1`;
    expect(gen).toEqual({ status: "canceled", flow_run_id: null });
  });
});
