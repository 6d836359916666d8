// Flows as endpoints: a saved flow run from a script with an API key and just its exposed
// inputs, priced and reserved like a run from the editor, its end delivered to the owner's
// webhook endpoint and to the run's own `webhook_url`, each verified with the Standard Webhooks
// library. Values the inputs' schema refuses, keys without the scope and other people's flows
// change nothing. Private targets are allowed here (a local receiver).
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowGraph, FlowInput } from "../../lib/flows/graph-schema";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { openEventStream, type StreamEvent } from "../helpers/event-stream";
import { balanceOf, createFlow, ledgerOf, link, node, waitForRun } from "../helpers/flows";
import { Client, signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders } from "../helpers/providers";
import { startWebhookReceiver, type WebhookReceiver } from "../helpers/webhook-receiver";

let app: TestApp;
let emulator: Emulator;
let receiver: WebhookReceiver;
let alice: Client;
let bob: Client;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  ({ app, emulator } = await startAppWithProviders({
    env: {
      STARTING_CREDITS: "100",
      ENCRYPTION_SECRET: randomBytes(32).toString("base64"),
      OUTBOUND_WEBHOOKS_ALLOW_PRIVATE: "true",
    },
  }));
  [alice, bob] = await Promise.all([
    signIn(app.url, "alice@example.com"),
    signIn(app.url, "bob@example.com"),
  ]);
});
afterAll(async () => {
  await stopAppWithProviders(app, emulator);
  await receiver?.close();
});

const PROMPT: FlowInput = { id: "prompt", node_id: "t", field: "text", label: "Prompt" };
const COUNT: FlowInput = { id: "count", node_id: "g", field: "params.num_outputs", label: "How many" };

/** text → FLUX schnell (1 credit an image) → output, asking for the prompt and the count. */
const exposed = (inputs: FlowInput[] = [PROMPT, COUNT]): FlowGraph => ({
  nodes: [node.text("t", "a red fox"), node.generate("g", "flux-schnell"), node.output("out")],
  edges: [link("t", "g", "prompt"), link("g", "out", "image")],
  inputs,
});

async function keyOf(owner: Client, scopes: string[]): Promise<Client> {
  const res = await owner.post<{ key: string }>("/api/keys", { name: "script", scopes });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  // No cookie: only the key, as a script would call.
  return new Client(app.url, { authorization: `Bearer ${res.body.key}` });
}

type Started = {
  id: string;
  status: string;
  estimated_credits: number;
  version_id: string;
  webhook_secret?: string;
};
type Payload = { type: string; timestamp: string; data: Record<string, unknown> };
const verify = (secret: string, hook: { body: string; headers: Record<string, string> }) =>
  new Webhook(secret).verify(hook.body, hook.headers) as Payload;

/** What a refused request must leave as it was. */
async function footprint(email: string) {
  const [row] = await app.db.sql<{ runs: number; versions: number; ledger: number; hooks: number }[]>`
    select (select count(*) from flow_runs r join profiles p on p.id = r.user_id where p.email = ${email})::int as runs,
           (select count(*) from flow_versions v join profiles p on p.id = v.user_id where p.email = ${email})::int as versions,
           (select count(*) from credit_ledger l join profiles p on p.id = l.user_id where p.email = ${email})::int as ledger,
           (select count(*) from flow_run_webhooks)::int as hooks`;
  return row;
}

describe("GET /api/v1/flows/{id}/schema", () => {
  it("is the JSON Schema of the exposed inputs, of the flow as saved or of a version", async () => {
    const flowId = await createFlow(alice, exposed());
    const script = await keyOf(alice, ["flows:run"]);
    const res = await script.get<Record<string, unknown>>(`/api/v1/flows/${flowId}/schema`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: "Test flow",
      type: "object",
      additionalProperties: false,
      properties: {
        prompt: { type: "string", title: "Prompt", default: "a red fox", maxLength: 4000 },
        count: { type: "integer", title: "How many", minimum: 1, maximum: 4, default: 1 },
      },
    });
    expect(Object.keys(res.body.properties as object)).toEqual(["prompt", "count"]);

    // A named version keeps the inputs it had; the flow moves on.
    const version = await alice.post<{ id: string }>(`/api/flows/${flowId}/versions`, { name: "v1" });
    expect(version.status).toBe(201);
    const flow = await alice.get<{ revision: number }>(`/api/flows/${flowId}`);
    const saved = await alice.request("PATCH", `/api/flows/${flowId}`, {
      json: { graph: exposed([{ ...COUNT, label: "Images" }]), revision: flow.body.revision },
    });
    expect(saved.status).toBe(200);
    const now = await alice.get<{ properties: Record<string, { title: string }> }>(
      `/api/v1/flows/${flowId}/schema`,
    );
    expect(Object.keys(now.body.properties)).toEqual(["count"]);
    expect(now.body.properties.count?.title).toBe("Images");
    const then = await script.get<{ properties: object }>(
      `/api/v1/flows/${flowId}/schema?version=${version.body.id}`,
    );
    expect(Object.keys(then.body.properties)).toEqual(["prompt", "count"]);

    const unknown = await script.get(`/api/v1/flows/${flowId}/schema?version=${crypto.randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: "not_found", field: "version" } });
  });
});

describe("POST /api/v1/flows/{id}/runs", () => {
  it("runs with a key and the inputs, and its flow_run.completed reaches the endpoint and webhook_url", async () => {
    const endpoint = await alice.post<{ id: string; secret: string }>("/api/webhook-endpoints", {
      url: `${receiver.url}/endpoint`,
      events: ["flow_run.completed"],
    });
    expect(endpoint.status).toBe(201);
    const flowId = await createFlow(alice, exposed());
    const script = await keyOf(alice, ["flows:run"]);
    const before = await balanceOf(alice);

    const res = await script.post<Started>(`/api/v1/flows/${flowId}/runs`, {
      inputs: { prompt: "a lighthouse at dusk", count: 2 },
      webhook_url: `${receiver.url}/run-hook`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ status: "running", estimated_credits: 2 });
    expect(res.body.webhook_secret).toMatch(/^whsec_/);
    const runId = res.body.id;

    const [atEndpoint] = await receiver.waitFor("/endpoint", 1, 45_000);
    const [atRunHook] = await receiver.waitFor("/run-hook", 1, 45_000);
    if (!atEndpoint || !atRunHook) throw new Error("no deliveries");
    const event = verify(endpoint.body.secret, atEndpoint);
    expect(event).toMatchObject({
      type: "flow_run.completed",
      data: { id: runId, flow_id: flowId, status: "completed", estimated_credits: 2, charged_credits: 2 },
    });
    expect(event.data.api_url).toMatch(new RegExp(`/api/flows/${flowId}/runs/${runId}$`));
    // The run's own delivery is signed with its own secret, and only that one.
    expect(verify(res.body.webhook_secret ?? "", atRunHook)).toMatchObject({
      type: "flow_run.completed",
      data: { id: runId, status: "completed" },
    });
    expect(() => verify(endpoint.body.secret, atRunHook)).toThrow();
    expect(() => verify(res.body.webhook_secret ?? "", atEndpoint)).toThrow();

    // The inputs reached the model, the key reads the run's results, the price was charged once.
    const [generation] = await app.db.sql<{ prompt: string; input: { num_outputs: number } }[]>`
      select prompt, input from generations where flow_run_id = ${runId}`;
    expect(generation).toMatchObject({ prompt: "a lighthouse at dusk", input: { num_outputs: 2 } });
    const run = await waitForRun(script, flowId, runId);
    expect(run.nodes.find((n) => n.node_id === "g")?.outputs).toHaveLength(2);
    expect(await balanceOf(alice)).toBe(before - 2);
    await ledgerOf(app, "alice@example.com", runId);
    // The version it ran is the graph with the inputs written in.
    const version = await alice.get<{ graph: FlowGraph }>(
      `/api/flows/${flowId}/versions/${res.body.version_id}`,
    );
    expect(version.body.graph.nodes.find((n) => n.id === "t")?.data).toMatchObject({
      text: "a lighthouse at dusk",
    });
  });

  it("is followed live: the owner's event stream carries the run's changes up to its end", async () => {
    const flowId = await createFlow(alice, exposed());
    const script = await keyOf(alice, ["flows:run"]);
    const events = await openEventStream(alice, app.url);
    try {
      expect(events.status).toBe(200);
      const res = await script.post<Started>(`/api/v1/flows/${flowId}/runs`, {
        inputs: { prompt: "a live kite" },
      });
      expect(res.status).toBe(202);
      const ofRun = (e: StreamEvent) => e.event === "flow_run" && e.data.id === res.body.id;
      await events.waitFor((e) => ofRun(e) && e.data.status === "completed", 30_000);
      expect(events.events.find(ofRun)?.data).toEqual({
        id: res.body.id,
        flow_id: flowId,
        status: "running",
      });
    } finally {
      events.close();
    }
  });

  it("takes a session too, and the inputs' defaults when they are left out", async () => {
    const flowId = await createFlow(alice, exposed());
    const res = await alice.post<Started>(`/api/v1/flows/${flowId}/runs`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ estimated_credits: 1 });
    expect(res.body.webhook_secret).toBeUndefined();
    expect((await waitForRun(alice, flowId, res.body.id)).status).toBe("completed");
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["a count out of range", { inputs: { count: 9 } }, "inputs.count"],
    ["a count of the wrong type", { inputs: { count: "two" } }, "inputs.count"],
    ["an empty prompt", { inputs: { prompt: "  " } }, "inputs.prompt"],
    ["an input the flow does not have", { inputs: { colour: "red" } }, "inputs.colour"],
    ["a webhook URL that is no http(s) URL", { webhook_url: "ftp://example.com/hook" }, "webhook_url"],
  ])("refuses %s with a 422 naming the field, charging and writing nothing", async (_, body, field) => {
    const flowId = await createFlow(alice, exposed());
    const script = await keyOf(alice, ["flows:run"]);
    const balance = await balanceOf(alice);
    const before = await footprint("alice@example.com");
    const res = await script.post(`/api/v1/flows/${flowId}/runs`, body);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: "unprocessable", field } });
    expect(await footprint("alice@example.com")).toEqual(before);
    expect(await balanceOf(alice)).toBe(balance);
  });

  it("names the input when its value fails the run's own checks (an image that is not yours)", async () => {
    const graph: FlowGraph = {
      nodes: [
        { id: "img", type: "image", position: { x: 0, y: 0 }, data: { url: "https://example.com/a.png" } },
        node.generate("up", "real-esrgan"),
        node.output("out"),
      ],
      edges: [link("img", "up", "image"), link("up", "out", "image")],
      inputs: [{ id: "photo", node_id: "img", field: "image", label: "Photo" }],
    };
    const flowId = await createFlow(alice, graph);
    const before = await footprint("alice@example.com");
    const res = await alice.post(`/api/v1/flows/${flowId}/runs`, { inputs: { photo: crypto.randomUUID() } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: "unprocessable", field: "inputs.photo" } });
    expect(await footprint("alice@example.com")).toEqual(before);
  });
});

describe("a run's webhook_url", () => {
  const hookOf = async (runId: string) =>
    (
      await app.db.sql<{ status: string; attempts: number; last_status_code: number | null }[]>`
        select status, attempts, last_status_code from flow_run_webhooks where run_id = ${runId}`
    )[0];

  it("is tried again on the backoff when the receiver fails, with the same id, until it answers", async () => {
    receiver.plan("/flaky", [503]);
    const flowId = await createFlow(alice, exposed());
    const res = await alice.post<Started>(`/api/v1/flows/${flowId}/runs`, {
      inputs: { prompt: "a harbour in the fog" },
      webhook_url: `${receiver.url}/flaky`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const [first, second] = await receiver.waitFor("/flaky", 2, 45_000);
    if (!first || !second) throw new Error("expected two attempts");
    // The first wait of the backoff is 5 s (plus up to a fifth).
    expect(second.at - first.at).toBeGreaterThanOrEqual(4_500);
    expect(second.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect(verify(res.body.webhook_secret ?? "", second)).toMatchObject({ type: "flow_run.completed" });
    await expect
      .poll(() => hookOf(res.body.id))
      .toEqual({ status: "succeeded", attempts: 2, last_status_code: 200 });
  });

  it("sends nothing for a run that is canceled", async () => {
    const flowId = await createFlow(alice, exposed());
    const res = await alice.post<Started>(`/api/v1/flows/${flowId}/runs`, {
      inputs: { prompt: "[slow] a lighthouse that never finishes" },
      webhook_url: `${receiver.url}/canceled`,
    });
    expect(res.status).toBe(202);
    expect((await alice.post(`/api/flows/${flowId}/runs/${res.body.id}/cancel`)).status).toBe(200);
    expect((await waitForRun(alice, flowId, res.body.id)).status).toBe("canceled");
    await expect.poll(() => hookOf(res.body.id)).toMatchObject({ status: "skipped", attempts: 0 });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(receiver.received.filter((r) => r.path === "/canceled")).toEqual([]);
  });
});

describe("who may run a flow", () => {
  it("refuses a key without flows:run (403), and the editor's routes take no key to run", async () => {
    const flowId = await createFlow(alice, exposed());
    const reader = await keyOf(alice, ["read", "generate"]);
    const before = await footprint("alice@example.com");
    for (const res of [
      await reader.get(`/api/v1/flows/${flowId}/schema`),
      await reader.post(`/api/v1/flows/${flowId}/runs`, { inputs: { prompt: "a kite" } }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        error: { code: "forbidden", message: expect.stringContaining("flows:run") },
      });
    }
    const runner = await keyOf(alice, ["flows:run"]);
    expect((await runner.post(`/api/flows/${flowId}/runs`, {})).status).toBe(403);
    expect(await footprint("alice@example.com")).toEqual(before);
  });

  it("answers 404 for another person's flow, by key or session, and for a flow that does not exist", async () => {
    const flowId = await createFlow(alice, exposed());
    const bobsKey = await keyOf(bob, ["flows:run"]);
    const before = await footprint("bob@example.com");
    for (const caller of [bobsKey, bob])
      for (const res of [
        await caller.get(`/api/v1/flows/${flowId}/schema`),
        await caller.post(`/api/v1/flows/${flowId}/runs`, { inputs: { prompt: "mine now" } }),
        await caller.post(`/api/v1/flows/${crypto.randomUUID()}/runs`, {}),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ error: { code: "not_found" } });
      }
    expect(await footprint("bob@example.com")).toEqual(before);
  });
});

describe("saving exposed inputs", () => {
  it("refuses an input on a field a connection fills, naming the node and field", async () => {
    const res = await alice.post("/api/flows", {
      name: "bad",
      graph: exposed([{ id: "p", node_id: "g", field: "params.prompt", label: "Prompt" }]),
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: {
        code: "bad_request",
        field: "params.prompt",
        node_id: "g",
        message: expect.stringContaining("Input “p”"),
      },
    });
  });
});
