// The emulator's Replicate API, driven by the real `replicate` SDK (no mocks).
import Replicate, { validateWebhook } from "replicate";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseProgress } from "@/lib/providers/log-progress";
import { type Emulator, startEmulator } from "@/scripts/emulator/server";
import { type Delivery, type Receiver, sleep, startReceiver, until } from "./emulator-receiver";

let emulator: Emulator;
let receiver: Receiver;
let replicate: Replicate;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, speedFactor: 0.1 });
  receiver = await startReceiver();
  replicate = new Replicate({ auth: "r8_test", baseUrl: `${emulator.url}/v1` });
});

afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

const hooksFor = (tag: string) => receiver.deliveries.filter((d) => d.path === `/${tag}`);
const bodyOf = (d: Delivery) =>
  JSON.parse(d.body) as { id: string; status: string; output: unknown; error: unknown };
const verify = (d: Delivery, body = d.body) =>
  validateWebhook({
    id: String(d.headers["webhook-id"]),
    timestamp: String(d.headers["webhook-timestamp"]),
    signature: String(d.headers["webhook-signature"]),
    body,
    secret: emulator.replicateWebhookSecret,
  });
const settled = (id: string) =>
  until(
    () => replicate.predictions.get(id),
    (p) => ["succeeded", "failed", "canceled"].includes(p.status),
  );

describe("replicate emulator", () => {
  it("creates by model, signs start/logs/output/completed webhooks, and serves PNGs in the requested aspect ratio", async () => {
    const prediction = await replicate.predictions.create({
      model: "black-forest-labs/flux-schnell",
      input: { prompt: "a red fox", aspect_ratio: "16:9", output_format: "png", num_outputs: 2 },
      webhook: `${receiver.url}/by-model`,
    });
    expect(prediction).toMatchObject({
      status: "starting",
      model: "black-forest-labs/flux-schnell",
      version: "hidden",
    });
    expect(prediction.urls.get).toBe(`${emulator.url}/v1/predictions/${prediction.id}`);

    await receiver.waitFor(() => hooksFor("by-model").some((d) => bodyOf(d).status === "succeeded"));
    const hooks = hooksFor("by-model");
    expect(hooks.map((d) => bodyOf(d).status)).toEqual(["starting", "processing", "processing", "succeeded"]);
    for (const hook of hooks) expect(await verify(hook)).toBe(true);
    expect(await verify(hooks[3]!, hooks[3]!.body.replace("succeeded", "failed"))).toBe(false);

    const done = await replicate.predictions.get(prediction.id);
    expect(done.status).toBe("succeeded");
    expect(done.metrics?.predict_time).toBeGreaterThanOrEqual(0);
    const urls = done.output as string[];
    expect(urls).toHaveLength(2);
    for (const url of urls) {
      expect(url.startsWith(`${emulator.url}/media/`)).toBe(true);
      const response = await fetch(url);
      expect(response.headers.get("content-type")).toBe("image/png");
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(meta).toMatchObject({ format: "png", width: 1344, height: 768 });
    }
  });

  it("creates by version and honours webhook_events_filter", async () => {
    const lighthouse = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#357" } })
      .png()
      .toBuffer();
    const prediction = await replicate.predictions.create({
      version: "f121d640bd286e1fdc67f9799164c1d5be36ff74576ee11c803ae5b665dd46aa",
      input: { image: `data:image/png;base64,${lighthouse.toString("base64")}`, scale: 2 },
      webhook: `${receiver.url}/by-version`,
      webhook_events_filter: ["completed"],
    });
    const done = await settled(prediction.id);
    await receiver.waitFor(() => hooksFor("by-version").length === 1);
    await sleep(50);
    expect(hooksFor("by-version")).toHaveLength(1);
    expect(done).toMatchObject({
      model: "nightmareai/real-esrgan",
      version: "f121d640bd286e1fdc67f9799164c1d5be36ff74576ee11c803ae5b665dd46aa",
    });
    const url = done.output as string; // this model's schema returns one URI
    const meta = await sharp(Buffer.from(await (await fetch(url)).arrayBuffer())).metadata();
    // An upscaler: twice the input, from the input.
    expect(meta).toMatchObject({ width: 80, height: 60 });
  });

  it("cancels a running prediction and sends the terminal webhook", async () => {
    const prediction = await replicate.predictions.create({
      model: "black-forest-labs/flux-schnell",
      input: { prompt: "[slow] a glacier" },
      webhook: `${receiver.url}/cancel`,
      webhook_events_filter: ["completed"],
    });
    const canceled = await replicate.predictions.cancel(prediction.id);
    expect(canceled.status).toBe("canceled");
    const [hook] = await receiver
      .waitFor(() => hooksFor("cancel").length === 1)
      .then(() => hooksFor("cancel"));
    expect(bodyOf(hook!).status).toBe("canceled");
    expect((await replicate.predictions.get(prediction.id)).status).toBe("canceled");
  });

  it("[fail] fails with a readable error", async () => {
    const prediction = await replicate.predictions.create({
      model: "black-forest-labs/flux-schnell",
      input: { prompt: "[fail] a storm" },
      webhook: `${receiver.url}/fail`,
      webhook_events_filter: ["completed"],
    });
    const done = await settled(prediction.id);
    expect(done).toMatchObject({ status: "failed", output: null });
    expect(String(done.error)).toMatch(/\[fail\]/);
    await receiver.waitFor(() => hooksFor("fail").length === 1);
    expect(bodyOf(hooksFor("fail")[0]!)).toMatchObject({ status: "failed" });
  });

  it("[dup] delivers the final webhook twice with the same webhook-id; retries after a 500", async () => {
    receiver.replies.push(500);
    await replicate.predictions.create({
      model: "black-forest-labs/flux-schnell",
      input: { prompt: "[dup] twin peaks" },
      webhook: `${receiver.url}/dup`,
      webhook_events_filter: ["completed"],
    });
    await receiver.waitFor(() => hooksFor("dup").length === 3);
    const ids = new Set(hooksFor("dup").map((d) => d.headers["webhook-id"]));
    expect(ids.size).toBe(1); // the failed attempt, its retry, and the duplicate
    for (const hook of hooksFor("dup")) expect(await verify(hook)).toBe(true);
  });

  it("[nohook] completes without any webhook", async () => {
    const prediction = await replicate.predictions.create({
      model: "black-forest-labs/flux-schnell",
      input: { prompt: "[nohook] a quiet lake" },
      webhook: `${receiver.url}/nohook`,
    });
    expect((await settled(prediction.id)).status).toBe("succeeded");
    await sleep(100);
    expect(hooksFor("nohook")).toHaveLength(0);
  });

  it("[huge] serves an output larger than 60 MB as a stream", async () => {
    const prediction = await replicate.predictions.create({
      model: "black-forest-labs/flux-schnell",
      input: { prompt: "[huge] a mountain", output_format: "png" },
    });
    const url = ((await settled(prediction.id)).output as string[])[0]!;
    const response = await fetch(url);
    expect(Number(response.headers.get("content-length"))).toBeGreaterThan(60_000_000);
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(Buffer.from(value!.subarray(0, 8)).toString("hex")).toBe("89504e470d0a1a0a");
    await reader.cancel();
  });

  it("returns a single MP4 URL for video models, and honours Prefer: wait", async () => {
    const prediction = await replicate.predictions.create({
      model: "google/veo-3.1-fast",
      input: { prompt: "a paper boat", aspect_ratio: "16:9", duration: 4 },
      wait: 5,
    });
    expect(prediction.status).toBe("succeeded");
    expect(typeof prediction.output).toBe("string");
    const bytes = Buffer.from(await (await fetch(prediction.output as string)).arrayBuffer());
    expect(bytes.subarray(4, 8).toString("latin1")).toBe("ftyp");
  });

  it("[slow] reports starting, then processing with progress lines, logs webhooks at most every 500 ms", async () => {
    const prediction = await replicate.predictions.create({
      model: "black-forest-labs/flux-schnell",
      input: { prompt: "[slow] a long exposure" },
      webhook: `${receiver.url}/slow`,
      webhook_events_filter: ["start", "logs", "completed"],
    });
    expect(prediction.status).toBe("starting");
    await receiver.waitFor(() => hooksFor("slow").some((d) => bodyOf(d).status === "succeeded"), 10_000);
    const hooks = hooksFor("slow").map((d) => ({
      ...(JSON.parse(d.body) as { status: string; logs: string; started_at?: string }),
      at: d.at,
    }));
    expect(hooks[0]).toMatchObject({ status: "starting", logs: "" });
    expect(hooks.at(-1)?.status).toBe("succeeded");
    const running = hooks.slice(1, -1);
    expect(running.length).toBeGreaterThanOrEqual(2);
    for (const hook of running) {
      expect(hook.status).toBe("processing");
      expect(hook.started_at).toEqual(expect.any(String));
    }
    // Progress moves forward with each delivery, from the first step to past the middle.
    const progress = running.map((hook) => parseProgress(hook.logs) ?? -1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBeGreaterThan(0.5);
    // Spacing as received: a delivery held up on a loaded machine arrives closer to the next
    // one, so allow that much; logs sent unthrottled, as they are written, would still fail this.
    for (let i = 1; i < running.length; i++)
      expect(running[i]!.at - running[i - 1]!.at).toBeGreaterThanOrEqual(400);
    // Asked for: no output events.
    expect(hooks.filter((h) => h.status === "processing" && h.logs.includes("Generated output"))).toEqual([]);
  });

  it("refuses a webhook_events_filter with an event Replicate does not send", async () => {
    const refused = await fetch(`${emulator.url}/v1/models/black-forest-labs/flux-schnell/predictions`, {
      method: "POST",
      headers: { authorization: "Bearer r8_test", "content-type": "application/json" },
      body: JSON.stringify({
        input: { prompt: "a fox" },
        webhook: `${receiver.url}/bad-filter`,
        webhook_events_filter: ["start", "progress"],
      }),
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      status: 422,
      detail: expect.stringContaining("webhook_events_filter.1"),
    });
  });

  it("gives the webhook secret, and 401/429 for bad or throttled tokens", async () => {
    expect(await replicate.webhooks.default.secret.get()).toEqual({ key: emulator.replicateWebhookSecret });
    const call = (auth?: string) =>
      fetch(`${emulator.url}/v1/predictions`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} });
    expect((await call()).status).toBe(401);
    const invalid = await call("r8_invalid");
    expect(invalid.status).toBe(401);
    expect(await invalid.json()).toHaveProperty("detail");
    const limited = await call("r8_ratelimited");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    const missing = await replicate.predictions.get("doesnotexist").then(
      () => "found",
      (error: Error) => error.message,
    );
    expect(missing).toMatch(/404/);
  });
});
