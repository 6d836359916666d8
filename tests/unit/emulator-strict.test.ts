// The emulator refuses what the real providers refuse, in their own error shapes: models they do
// not serve, API versions without the fields sent, inputs outside each model's schema, accounts
// out of credit; and its fault knobs reach the transient and redirect paths.
import { GoogleGenAI } from "@google/genai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "@/scripts/emulator/server";
import { until } from "./emulator-receiver";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, speedFactor: 0.1 });
});
afterAll(() => emulator.close());

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${emulator.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
const replicate = (path: string, body: unknown, token = "r8_test") =>
  post(`/v1${path}`, body, { authorization: `Bearer ${token}` });
const fal = (endpoint: string, body: unknown, key = "id:secret") =>
  post(`/${endpoint}`, body, { authorization: `Key ${key}` });
const gemini = (version: string, model: string, body: unknown) =>
  post(`/${version}/models/${model}:generateContent`, body, { "x-goog-api-key": "AIza-test" });
const imageBody = (imageConfig: Record<string, unknown>) => ({
  contents: [{ role: "user", parts: [{ text: "a teapot" }] }],
  generationConfig: { responseModalities: ["TEXT", "IMAGE"], imageConfig },
});

describe("unknown and retired models", () => {
  it("Replicate: 404 for a model it does not serve, 422 for an unknown version", async () => {
    const byName = await replicate("/models/black-forest-labs/flux-dev-x/predictions", {
      input: { prompt: "x" },
    });
    expect(byName.status).toBe(404);
    expect(await byName.json()).toMatchObject({ status: 404, detail: expect.any(String) });
    const byVersion = await replicate("/predictions", { version: "0".repeat(64), input: { prompt: "x" } });
    expect(byVersion.status).toBe(422);
    expect(await byVersion.json()).toMatchObject({ title: "Invalid version or not permitted", status: 422 });
  });

  it("fal: 404 for an endpoint it does not serve, including the retired Nano Banana edit", async () => {
    const res = await fal("fal-ai/nano-banana/edit", {
      prompt: "x",
      image_urls: ["https://example.com/a.png"],
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ detail: "Application 'fal-ai/nano-banana/edit' not found" });
  });

  it("Google: 404 NOT_FOUND for a shut-down model", async () => {
    const res = await gemini("v1beta", "gemini-2.5-flash-image", imageBody({}));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: {
        code: 404,
        status: "NOT_FOUND",
        message: expect.stringMatching(/gemini-2\.5-flash-image is not found/),
      },
    });
    const veo = await post(
      "/v1beta/models/veo-3.1-fast-generate-preview:predictLongRunning",
      {},
      {
        "x-goog-api-key": "AIza-test",
      },
    );
    expect(veo.status).toBe(404);
  });
});

describe("API versions", () => {
  it("Google: a v1 call carrying v1beta's image fields is refused as unknown names", async () => {
    const res = await gemini("v1", "gemini-3.1-flash-image", imageBody({ aspectRatio: "16:9" }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { status: string; message: string; details: unknown[] } };
    expect(body.error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT" });
    expect(body.error.message).toBe(
      `Invalid JSON payload received. Unknown name "responseModalities" at 'generation_config': Cannot find field.`,
    );
    expect(body.error.details[0]).toMatchObject({ "@type": "type.googleapis.com/google.rpc.BadRequest" });
    expect(
      (await gemini("v1beta", "gemini-3.1-flash-image", imageBody({ aspectRatio: "16:9" }))).status,
    ).toBe(200);
  });

  it("Google: the SDK's default version (v1) fails image requests; pinned to v1beta they work", async () => {
    const request = {
      model: "gemini-3.1-flash-image",
      contents: "a teapot",
      config: { responseModalities: ["TEXT", "IMAGE"] },
    };
    const unpinned = new GoogleGenAI({ apiKey: "AIza-test", httpOptions: { baseUrl: emulator.url } });
    await expect(unpinned.models.generateContent(request)).rejects.toMatchObject({ status: 400 });
    const pinned = new GoogleGenAI({
      apiKey: "AIza-test",
      httpOptions: { baseUrl: emulator.url, apiVersion: "v1beta" },
    });
    expect((await pinned.models.generateContent(request)).data).toBeTruthy();
  });
});

describe("input schemas", () => {
  it("Replicate: 422 with the field, for a bad enum, an out-of-range value and an unknown field", async () => {
    const res = await replicate("/models/black-forest-labs/flux-schnell/predictions", {
      input: { prompt: "x", aspect_ratio: "7:3", num_outputs: 9, width: 512 },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { detail: string; invalid_fields: { field: string; type: string }[] };
    expect(body).toMatchObject({ title: "Input validation failed", status: 422 });
    expect(body.detail).toMatch(/^- input\.width: /m);
    expect(body.detail).toMatch(/^- input\.aspect_ratio: /m);
    expect(body.invalid_fields.map((f) => [f.field, f.type])).toEqual([
      ["input.width", "extra_forbidden"],
      ["input.aspect_ratio", "enum"],
      ["input.num_outputs", "less_than_equal"],
    ]);
  });

  it("fal: 422 {detail:[{loc,msg,type}]} for a bad enum and a missing required field", async () => {
    const res = await fal("fal-ai/kling-video/v2.5-turbo/pro/image-to-video", { prompt: "x", duration: "7" });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      detail: [
        { loc: ["body", "image_url"], msg: "Field required", type: "missing" },
        { loc: ["body", "duration"], msg: "Input should be '5', '10'", type: "enum" },
      ],
    });
  });

  it("Google: 400 INVALID_ARGUMENT for an unsupported aspect ratio", async () => {
    const res = await gemini("v1beta", "gemini-3.1-flash-image", imageBody({ aspectRatio: "7:3" }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: {
        code: 400,
        status: "INVALID_ARGUMENT",
        message: expect.stringMatching(/generation_config\.image_config\.aspect_ratio/),
      },
    });
  });
});

describe("fault knobs", () => {
  it("[billing] and an out-of-credit key: Replicate 402, fal 403 'Exhausted balance'", async () => {
    const model = "/models/black-forest-labs/flux-schnell/predictions";
    for (const res of [
      await replicate(model, { input: { prompt: "[billing] x" } }),
      await replicate(model, { input: { prompt: "x" } }, "r8_nocredit"),
    ]) {
      expect(res.status).toBe(402);
      expect(await res.json()).toMatchObject({ title: "Billing required", status: 402 });
    }
    for (const res of [
      await fal("fal-ai/flux/dev", { prompt: "[billing] x" }),
      await fal("fal-ai/flux/dev", { prompt: "x" }, "id:nocredit"),
    ]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        detail: "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.",
      });
    }
  });

  it("[flaky]: the first status poll is a transient 503, the next ones answer", async () => {
    const created = await replicate("/models/black-forest-labs/flux-schnell/predictions", {
      input: { prompt: "[flaky] x" },
    });
    const { urls } = (await created.json()) as { urls: { get: string } };
    const get = () => fetch(urls.get, { headers: { authorization: "Bearer r8_test" } });
    expect((await get()).status).toBe(503);
    expect((await get()).status).toBe(200);

    const queued = await fal("fal-ai/flux/dev", { prompt: "[flaky] x" });
    const { status_url } = (await queued.json()) as { status_url: string };
    const status = () => fetch(status_url, { headers: { authorization: "Key id:secret" } });
    expect((await status()).status).toBe(503);
    expect([200, 202]).toContain((await status()).status);
  });

  it("[redirect]: output files answer 302 to the same file on a second host name", async () => {
    const created = await replicate("/models/black-forest-labs/flux-schnell/predictions", {
      input: { prompt: "[redirect] x", output_format: "png" },
    });
    const { urls } = (await created.json()) as { urls: { get: string } };
    const done = await until(
      async () =>
        (await (await fetch(urls.get, { headers: { authorization: "Bearer r8_test" } })).json()) as {
          status: string;
          output: string[];
        },
      (p) => p.status === "succeeded",
    );
    const first = await fetch(done.output[0]!, { redirect: "manual" });
    expect(first.status).toBe(302);
    const location = first.headers.get("location") ?? "";
    expect(location.startsWith(`${emulator.redirectUrl}/media/`)).toBe(true);
    expect(new URL(location).hostname).toBe("localhost");
    const file = await fetch(location);
    expect(file.headers.get("content-type")).toBe("image/png");
  });
});
