// The emulator's fal queue API, driven by the real `@fal-ai/client` (no mocks).
import { createHash, createPublicKey, verify } from "node:crypto";
import { fal, ValidationError } from "@fal-ai/client";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseProgress } from "@/lib/providers/log-progress";
import { type Emulator, startEmulator } from "@/scripts/emulator/server";
import { type Delivery, type Receiver, startReceiver, until } from "./emulator-receiver";

let emulator: Emulator;
let receiver: Receiver;
let jwks: { keys: { kty: string; crv: string; x: string }[] };

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, speedFactor: 0.1 });
  receiver = await startReceiver();
  fal.config({
    credentials: "key-id:key-secret",
    requestMiddleware: async (request) => ({
      ...request,
      url: request.url.replace("https://queue.fal.run", emulator.url),
    }),
  });
  jwks = await (await fetch(emulator.falJwksUrl)).json();
});

afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

/** fal's scheme (docs/protocols.md §2.3), checked with node:crypto against the emulator's JWKS. */
function verifyFal(d: Delivery, body = d.body): boolean {
  const header = (name: string) => String(d.headers[name]);
  const message = [
    header("x-fal-webhook-request-id"),
    header("x-fal-webhook-user-id"),
    header("x-fal-webhook-timestamp"),
    createHash("sha256").update(body).digest("hex"),
  ].join("\n");
  const signature = Buffer.from(header("x-fal-webhook-signature"), "hex");
  return jwks.keys.some((jwk) =>
    verify(null, Buffer.from(message), createPublicKey({ key: jwk, format: "jwk" }), signature),
  );
}

const hooksFor = (tag: string) => receiver.deliveries.filter((d) => d.path === `/${tag}`);

describe("fal emulator", () => {
  it("submits, reports status, returns the result and sends a verifiable signed webhook", async () => {
    const endpoint = "fal-ai/flux/dev";
    const queued = await fal.queue.submit(endpoint, {
      input: { prompt: "a koi pond", image_size: "landscape_16_9", output_format: "png" },
      webhookUrl: `${receiver.url}/ok`,
    });
    expect(queued).toMatchObject({ status: "IN_QUEUE", queue_position: 0 });
    const requestId = queued.request_id;
    // Status and result URLs drop the endpoint sub-path (`/dev`), as fal's do.
    expect(queued.status_url).toBe(`${emulator.url}/fal-ai/flux/requests/${requestId}/status`);

    const status = await until(
      () => fal.queue.status(endpoint, { requestId, logs: true }),
      (s) => s.status === "COMPLETED",
    );
    expect(status).toMatchObject({ status: "COMPLETED", request_id: requestId });

    const { data, requestId: resultId } = await fal.queue.result(endpoint, { requestId });
    expect(resultId).toBe(requestId);
    const image = data.images[0]!;
    expect(image).toMatchObject({ width: 1024, height: 576, content_type: "image/png" });
    const png = Buffer.from(await (await fetch(image.url)).arrayBuffer());
    expect(await sharp(png).metadata()).toMatchObject({ format: "png", width: 1024, height: 576 });

    const [hook] = await receiver.waitFor(() => hooksFor("ok").length === 1).then(() => hooksFor("ok"));
    expect(hook!.headers["x-fal-webhook-request-id"]).toBe(requestId);
    expect(JSON.parse(hook!.body)).toMatchObject({
      request_id: requestId,
      gateway_request_id: requestId,
      status: "OK",
    });
    expect(JSON.parse(hook!.body).payload).toEqual(data);
    expect(verifyFal(hook!)).toBe(true);
    expect(verifyFal(hook!, hook!.body.replace('"OK"', '"ERROR"'))).toBe(false);
  });

  it("handles multi-segment video endpoints", async () => {
    const endpoint = "fal-ai/kling-video/v2.5-turbo/pro/image-to-video";
    const kite = await sharp({ create: { width: 64, height: 36, channels: 3, background: "#c33" } })
      .png()
      .toBuffer();
    const { request_id: requestId } = await fal.queue.submit(endpoint, {
      input: { prompt: "a kite", image_url: `data:image/png;base64,${kite.toString("base64")}` },
    });
    await until(
      () => fal.queue.status(endpoint, { requestId }),
      (s) => s.status === "COMPLETED",
    );
    const { data } = await fal.queue.result(endpoint, { requestId });
    expect(data.video).toMatchObject({ content_type: "video/mp4" });
    const mp4 = Buffer.from(await (await fetch(data.video.url)).arrayBuffer());
    expect(mp4.length).toBe(data.video.file_size);
    expect(mp4.subarray(4, 8).toString("latin1")).toBe("ftyp");
    // Like fal, the status route exists only at {owner}/{app}, never with the endpoint sub-path.
    const wrong = await fetch(`${emulator.url}/${endpoint}/requests/${requestId}/status`, {
      headers: { authorization: "Key k" },
    });
    expect(wrong.status).toBe(404);
  }, 20_000); // encodes a real MP4 with ffmpeg: seconds on a loaded machine

  it("[fail] sends an ERROR webhook and the result is a 422", async () => {
    const endpoint = "fal-ai/kling-video/v2.5-turbo/pro/text-to-video";
    const { request_id: requestId } = await fal.queue.submit(endpoint, {
      input: { prompt: "[fail] a comet" },
      webhookUrl: `${receiver.url}/fail`,
    });
    await receiver.waitFor(() => hooksFor("fail").length === 1);
    const hook = hooksFor("fail")[0]!;
    expect(verifyFal(hook)).toBe(true);
    const body = JSON.parse(hook.body);
    expect(body).toMatchObject({ request_id: requestId, status: "ERROR" });
    expect(body.error).toMatch(/422/);
    expect(body.payload.detail[0].msg).toMatch(/\[fail\]/);
    const error = await fal.queue.result(endpoint, { requestId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
  });

  it("cancels a queued request; [dup] and retries redeliver with the same request id", async () => {
    const { request_id: slowId } = await fal.queue.submit("fal-ai/flux/dev", {
      input: { prompt: "[slow] fog" },
    });
    await fal.queue.cancel("fal-ai/flux/dev", { requestId: slowId });
    const status = await fal.queue.status("fal-ai/flux/dev", { requestId: slowId });
    expect(status.status).toBe("COMPLETED");

    receiver.replies.push(503);
    const { request_id: dupId } = await fal.queue.submit("fal-ai/flux/dev", {
      input: { prompt: "[dup] echo" },
      webhookUrl: `${receiver.url}/dup`,
    });
    await receiver.waitFor(() => hooksFor("dup").length === 3);
    expect(new Set(hooksFor("dup").map((d) => d.headers["x-fal-webhook-request-id"]))).toEqual(
      new Set([dupId]),
    );
    expect(hooksFor("dup").every((d) => verifyFal(d))).toBe(true);
  });

  it("[slow] answers IN_QUEUE, then IN_PROGRESS with logs whose progress grows, then COMPLETED", async () => {
    const endpoint = "fal-ai/flux/dev";
    const { request_id: requestId } = await fal.queue.submit(endpoint, { input: { prompt: "[slow] dusk" } });
    const seen: { status: string; progress: number | null; lines: number }[] = [];
    await until(
      async () => {
        const status = await fal.queue.status(endpoint, { requestId, logs: true });
        const logs = "logs" in status ? (status.logs ?? []) : [];
        const progress = parseProgress(logs.map((entry) => entry.message).join("\n"));
        seen.push({ status: status.status, progress, lines: logs.length });
        if (logs.length) expect(logs[0]).toMatchObject({ level: "INFO", timestamp: expect.any(String) });
        return status.status;
      },
      (status) => status === "COMPLETED",
      10_000,
    );
    const statuses = seen.map((s) => s.status).filter((s, i, all) => s !== all[i - 1]);
    expect(statuses).toEqual(["IN_QUEUE", "IN_PROGRESS", "COMPLETED"]);
    const running = seen.filter((s) => s.status === "IN_PROGRESS");
    const progress = running.map((s) => s.progress ?? -1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBeGreaterThan(2);
    // Without `logs=1` the status carries no logs, as at fal.
    const plain = await fetch(`${emulator.url}/fal-ai/flux/requests/${requestId}/status`, {
      headers: { authorization: "Key k" },
    });
    expect((await plain.json()).logs).toBeNull();
  });

  it("rejects missing, invalid and rate-limited keys", async () => {
    const submit = (key?: string) =>
      fetch(`${emulator.url}/fal-ai/flux/dev`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(key ? { authorization: `Key ${key}` } : {}) },
        body: JSON.stringify({ prompt: "x" }),
      });
    expect((await submit()).status).toBe(401);
    expect((await submit("invalid")).status).toBe(401);
    const limited = await submit("ratelimited");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
  });
});
