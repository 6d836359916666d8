// Outbound webhooks as a receiver sees them: a finished generation arrives once, signed per the
// Standard Webhooks spec (verified here with the spec's own library), a failing receiver is
// tried again on the backoff with the same event id, and "redeliver" sends it once more.
// Private targets are allowed here (a local receiver); outbound-webhooks-ssrf.test.ts refuses them.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders, waitForGeneration } from "../helpers/providers";
import { startWebhookReceiver, type WebhookReceiver } from "../helpers/webhook-receiver";

let app: TestApp;
let emulator: Emulator;
let receiver: WebhookReceiver;
let alice: Client;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  ({ app, emulator } = await startAppWithProviders({
    env: {
      ENCRYPTION_SECRET: randomBytes(32).toString("base64"),
      OUTBOUND_WEBHOOKS_ALLOW_PRIVATE: "true",
    },
  }));
  alice = await signIn(app.url, "alice@example.com");
});
afterAll(async () => {
  await stopAppWithProviders(app, emulator);
  await receiver?.close();
});

type Endpoint = { id: string; secret: string };
type Delivery = {
  id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_latency_ms: number | null;
  attempt_log: { attempt: number; manual: boolean; started_at: string; status_code: number | null }[];
};

async function addEndpoint(owner: Client, path: string, events: string[]): Promise<Endpoint> {
  const res = await owner.post<Endpoint>("/api/webhook-endpoints", { url: `${receiver.url}${path}`, events });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function generate(owner: Client, prompt: string): Promise<string> {
  const res = await owner.post<{ id: string }>("/api/generations/create", {
    model: "flux-schnell",
    input: { prompt },
  });
  expect(res.status).toBe(202);
  await waitForGeneration(owner, res.body.id);
  return res.body.id;
}

async function deliveries(owner: Client, endpointId: string): Promise<Delivery[]> {
  const res = await owner.get<{ deliveries: Delivery[] }>(`/api/webhook-endpoints/${endpointId}/deliveries`);
  expect(res.status).toBe(200);
  return res.body.deliveries;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const verify = (secret: string, hook: { body: string; headers: Record<string, string> }) =>
  new Webhook(secret).verify(hook.body, hook.headers) as {
    type: string;
    timestamp: string;
    data: Record<string, unknown>;
  };

describe("generation events", () => {
  it("delivers generation.completed, signed, to the endpoints subscribed to it only", async () => {
    const done = await addEndpoint(alice, "/done", ["generation.completed"]);
    const failed = await addEndpoint(alice, "/failed", ["generation.failed"]);
    expect(done.secret).toMatch(/^whsec_/);
    const id = await generate(alice, "a red kite over the hills");

    const [hook] = await receiver.waitFor("/done", 1);
    if (!hook) throw new Error("no delivery");
    const payload = verify(done.secret, hook);
    expect(payload).toMatchObject({
      type: "generation.completed",
      data: { id, status: "completed", model: "flux-schnell" },
    });
    // The outputs are described (fresh signed URLs come from api_url, read with a key).
    expect(payload.data.outputs).toEqual([
      expect.objectContaining({ asset_id: expect.any(String), mime: expect.stringMatching(/^image\//) }),
    ]);
    expect(payload.data.api_url).toMatch(new RegExp(`/api/generations/${id}$`));
    // Signed for this endpoint alone: another endpoint's secret, or a changed byte, fails.
    expect(() => verify(failed.secret, hook)).toThrow();
    expect(() => verify(done.secret, { ...hook, body: hook.body.replace("completed", "failed") })).toThrow();
    expect(receiver.received.filter((r) => r.path === "/failed")).toHaveLength(0);

    const [logged] = await until(
      () => deliveries(alice, done.id),
      (d) => d[0]?.status === "succeeded",
    );
    expect(logged).toMatchObject({
      event_id: hook.headers["webhook-id"],
      event_type: "generation.completed",
      status: "succeeded",
      attempts: 1,
      last_status_code: 200,
    });
    expect(logged?.last_latency_ms).toEqual(expect.any(Number));
  });

  it("delivers generation.failed for a failed generation", async () => {
    const endpoint = await addEndpoint(alice, "/failures", ["generation.failed"]);
    const id = await generate(alice, "this one breaks [fail]");
    const [hook] = await receiver.waitFor("/failures", 1);
    expect(verify(endpoint.secret, hook as never)).toMatchObject({
      type: "generation.failed",
      data: { id, status: "failed" },
    });
  });

  it("records an event once even when its hooks run again", async () => {
    const bob = await signIn(app.url, "bob@example.com");
    const endpoint = await addEndpoint(bob, "/bob", ["generation.completed"]);
    const id = await generate(bob, "a quiet harbour");
    await receiver.waitFor("/bob", 1);
    // The ended job again, as after a worker crash mid-way: no second event, no second delivery.
    await app.db
      .sql`select graphile_worker.add_job('generation.ended', json_build_object('generationId', ${id}::text, 'status', 'completed'))`;
    await until(
      () =>
        app.db
          .sql`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'generation.ended'`,
      (rows) => rows[0]?.n === 0,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received.filter((r) => r.path === "/bob")).toHaveLength(1);
    expect(await deliveries(bob, endpoint.id)).toHaveLength(1);
  });
});

describe("retries and redelivery", () => {
  it("tries a failing receiver again after a backoff, with the same event id, then redelivers on request", async () => {
    const endpoint = await addEndpoint(alice, "/flaky", ["generation.completed"]);
    receiver.plan("/flaky", [500]);
    const sent = await alice.post<{ event_id: string }>(`/api/webhook-endpoints/${endpoint.id}/test`);
    expect(sent.status).toBe(202);

    await receiver.waitFor("/flaky", 1);
    const pending = await until(
      () => deliveries(alice, endpoint.id),
      (d) => d[0]?.attempts === 1,
    );
    expect(pending[0]).toMatchObject({
      status: "pending",
      last_status_code: 500,
      event_type: "webhook.test",
    });
    const retryIn =
      Date.parse(pending[0]?.next_attempt_at ?? "") -
      Date.parse(pending[0]?.attempt_log[0]?.started_at ?? "");
    expect(retryIn).toBeGreaterThanOrEqual(5_000);

    const [first, second] = await receiver.waitFor("/flaky", 2, 20_000);
    if (!first || !second) throw new Error("no retry");
    expect(second.at - first.at).toBeGreaterThanOrEqual(4_500);
    expect(second.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect(second.headers["webhook-id"]).toBe(sent.body.event_id);
    expect(verify(endpoint.secret, second)).toMatchObject({ type: "webhook.test" });
    const succeeded = await until(
      () => deliveries(alice, endpoint.id),
      (d) => d[0]?.status === "succeeded",
    );
    expect(succeeded[0]?.attempt_log.map((a) => a.status_code)).toEqual([500, 200]);

    const deliveryId = succeeded[0]?.id;
    const again = await alice.post(
      `/api/webhook-endpoints/${endpoint.id}/deliveries/${deliveryId}/redeliver`,
    );
    expect(again.status).toBe(202);
    const [, , third] = await receiver.waitFor("/flaky", 3);
    if (!third) throw new Error("no redelivery");
    expect(third.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect(verify(endpoint.secret, third)).toMatchObject({ type: "webhook.test" });
    const log = await until(
      () => deliveries(alice, endpoint.id),
      (d) => d[0]?.attempts === 3,
    );
    expect(log[0]?.attempt_log.map((a) => a.manual)).toEqual([false, false, true]);
  });
});

describe("endpoints", () => {
  it.each([
    [{ url: "not a url", events: ["generation.completed"] }, "url"],
    [{ url: "ftp://127.0.0.1/x", events: ["generation.completed"] }, "url"],
    [{ url: "https://user:pw@127.0.0.1/x", events: ["generation.completed"] }, "url"],
    [{ url: "https://127.0.0.1/x", events: [] }, "events"],
    [{ url: "https://127.0.0.1/x", events: ["generation.exploded"] }, "events.0"],
  ])("refuses %j naming %s, and stores nothing", async (body, field) => {
    const res = await alice.post("/api/webhook-endpoints", body);
    expect([400, 422]).toContain(res.status);
    expect(res.body).toMatchObject({ error: { field } });
    const rows = await app.db.sql`select url from webhook_endpoints where url = ${body.url}`;
    expect(rows).toHaveLength(0);
  });

  it("keeps each person's endpoints and logs to themselves, and removes them with their log", async () => {
    const endpoint = await addEndpoint(alice, "/mine", ["generation.completed"]);
    const eve = await signIn(app.url, "eve@example.com");
    for (const [method, url] of [
      ["GET", `/api/webhook-endpoints/${endpoint.id}`],
      ["GET", `/api/webhook-endpoints/${endpoint.id}/deliveries`],
      ["POST", `/api/webhook-endpoints/${endpoint.id}/test`],
      ["DELETE", `/api/webhook-endpoints/${endpoint.id}`],
    ] as const) {
      expect((await eve.request(method, url)).status, `${method} ${url}`).toBe(404);
    }
    const list = await alice.get<{ endpoints: { id: string; url: string; secret?: string }[] }>(
      "/api/webhook-endpoints",
    );
    const listed = list.body.endpoints.find((e) => e.id === endpoint.id);
    expect(listed?.url).toBe(`${receiver.url}/mine`);
    expect(JSON.stringify(list.body)).not.toContain(endpoint.secret);
    expect((await alice.request("DELETE", `/api/webhook-endpoints/${endpoint.id}`)).status).toBe(204);
    expect((await alice.get(`/api/webhook-endpoints/${endpoint.id}`)).status).toBe(404);
  });
});
