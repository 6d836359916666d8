// Webhook endpoints trust nothing but a valid signature over the raw body.
import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signStandardWebhook } from "../../lib/providers/standard-webhooks";
import type { Emulator } from "../../scripts/emulator/server";
import { startApp, type TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import {
  startAppWithProviders,
  startProviders,
  stopAppWithProviders,
  waitForGeneration,
} from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;
let alice: Client;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders());
  alice = await signIn(app.url, "alice@example.com");
});
afterAll(() => stopAppWithProviders(app, emulator));

const now = () => Math.floor(Date.now() / 1000);

async function postWebhook(provider: string, body: string, headers: Record<string, string>, query = "") {
  const res = await fetch(`${app.url}/api/webhook/${provider}${query}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A real, queued generation and the webhook body that would complete it. */
async function slowGeneration(model: string) {
  const res = await alice.post<{ id: string }>("/api/generations/create", {
    model,
    input: { prompt: "waiting [slow]" },
  });
  for (let i = 0; i < 50; i++) {
    const [row] = await app.db.sql`select provider_job_id from generations where id = ${res.body.id}`;
    if (row?.provider_job_id) return { id: res.body.id, jobId: String(row.provider_job_id) };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("not submitted");
}

async function expectUntouched(id: string) {
  const [row] = await app.db.sql`select status, outputs from generations where id = ${id}`;
  expect(row?.status).toMatch(/queued|processing/);
  expect(row?.outputs).toEqual([]);
  const events = await app.db
    .sql`select id from webhook_events where generation_id = ${id} and payload->>'status' = 'succeeded'`;
  expect(events).toHaveLength(0);
}

describe("Replicate webhook", () => {
  const forged = (jobId: string) =>
    JSON.stringify({ id: jobId, status: "succeeded", output: [`${emulator.url}/media/forged.png`] });

  it("rejects a signature made with another secret, a stale timestamp and missing headers with 401", async () => {
    const { id, jobId } = await slowGeneration("flux-schnell");
    const body = forged(jobId);
    const query = `?generation=${id}`;
    const wrongSecret = `whsec_${Buffer.from("not the real secret").toString("base64")}`;
    const ts = String(now());
    const cases: Record<string, string>[] = [
      {
        "webhook-id": "msg_1",
        "webhook-timestamp": ts,
        "webhook-signature": `v1,${signStandardWebhook(wrongSecret, "msg_1", ts, body)}`,
      },
      {
        "webhook-id": "msg_2",
        "webhook-timestamp": String(now() - 600),
        "webhook-signature": `v1,${signStandardWebhook(emulator.replicateWebhookSecret, "msg_2", String(now() - 600), body)}`,
      },
      { "webhook-id": "msg_3", "webhook-timestamp": ts },
      {},
      { "webhook-id": "msg_4", "webhook-timestamp": ts, "webhook-signature": "v1,short" },
    ];
    for (const headers of cases) {
      const res = await postWebhook("replicate", body, headers, query);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    // The right secret over a different body than the one sent is still a forgery.
    const sig = signStandardWebhook(emulator.replicateWebhookSecret, "msg_5", ts, body);
    const tampered = await postWebhook(
      "replicate",
      body.replace("succeeded", "failed"),
      {
        "webhook-id": "msg_5",
        "webhook-timestamp": ts,
        "webhook-signature": `v1,${sig}`,
      },
      query,
    );
    expect(tampered.status).toBe(401);
    await expectUntouched(id);
  });

  it("accepts a correctly signed delivery once; a replay of it changes nothing", async () => {
    const { id, jobId } = await slowGeneration("flux-schnell");
    const body = JSON.stringify({ id: jobId, status: "processing", output: null });
    const ts = String(now());
    const headers = {
      "webhook-id": "msg_ok",
      "webhook-timestamp": ts,
      "webhook-signature": `v1,${signStandardWebhook(emulator.replicateWebhookSecret, "msg_ok", ts, body)}`,
    };
    expect((await postWebhook("replicate", body, headers, `?generation=${id}`)).body).toEqual({
      received: true,
    });
    expect((await postWebhook("replicate", body, headers, `?generation=${id}`)).body).toEqual({
      received: true,
      duplicate: true,
    });
    const events = await app.db.sql`select id from webhook_events where event_id = 'msg_ok'`;
    expect(events).toHaveLength(1);
  });
});

describe("fal webhook", () => {
  it("rejects a signature from a key outside fal's JWKS, a stale timestamp and missing headers with 401", async () => {
    const { id, jobId } = await slowGeneration("fal-flux-dev");
    const body = JSON.stringify({
      request_id: jobId,
      status: "OK",
      payload: { images: [{ url: `${emulator.url}/media/x.png` }] },
    });
    const { privateKey } = generateKeyPairSync("ed25519");
    const signWith = (ts: string) => {
      const message = `${jobId}\nuser\n${ts}\n${createHash("sha256").update(body).digest("hex")}`;
      return sign(null, Buffer.from(message), privateKey).toString("hex");
    };
    const ts = String(now());
    const base = {
      "x-fal-webhook-request-id": jobId,
      "x-fal-webhook-user-id": "user",
      "x-fal-webhook-timestamp": ts,
    };
    const cases: Record<string, string>[] = [
      { ...base, "x-fal-webhook-signature": signWith(ts) },
      {
        ...base,
        "x-fal-webhook-timestamp": String(now() - 600),
        "x-fal-webhook-signature": signWith(String(now() - 600)),
      },
      base,
      {},
      { ...base, "x-fal-webhook-signature": "abcd" },
    ];
    for (const headers of cases) {
      const res = await postWebhook("fal", body, headers, `?generation=${id}`);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    await expectUntouched(id);
  });
});

describe("unknown providers", () => {
  it("answers 404 for a webhook path that is not a provider", async () => {
    expect((await postWebhook("stripe", "{}", {})).status).toBe(404);
  });
});

describe("media host allow-list", () => {
  let strict: TestApp;
  beforeAll(async () => {
    const providers = await startProviders();
    strict = await startApp({
      ...providers.env,
      MEDIA_HOST_ALLOWLIST: "replicate.delivery,*.replicate.delivery",
    });
  });
  afterAll(() => strict?.stop());

  it("fails a generation whose output is on a host outside the allow-list, storing nothing", async () => {
    const client = await signIn(strict.url, "dora@example.com");
    const res = await client.post<{ id: string }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "elsewhere" },
    });
    const done = await waitForGeneration(client, res.body.id);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/allow|host/i);
    const { readdir } = await import("node:fs/promises");
    const files = await readdir(`${strict.dataDir}/storage`, { recursive: true }).catch(() => []);
    expect(files.filter((f) => String(f).includes(res.body.id))).toEqual([]);
  });
});
