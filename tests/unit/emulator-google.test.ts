// The emulator's Gemini API, driven by the real `@google/genai` SDK (no mocks).
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ApiError, GenerateVideosOperation, GoogleGenAI } from "@google/genai";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "@/scripts/emulator/server";
import { until } from "./emulator-receiver";

let emulator: Emulator;
let ai: GoogleGenAI;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, speedFactor: 0.1 });
  ai = new GoogleGenAI({ apiKey: "AIza-test", httpOptions: { baseUrl: emulator.url } });
});

afterAll(() => emulator.close());

/** `models.generateVideos` is Vertex-only in @google/genai 3.x, so Veo is started over REST. */
async function startVeo(prompt: string, apiKey = "AIza-test"): Promise<Response> {
  return fetch(`${emulator.url}/v1beta/models/veo-3.1-generate-preview:predictLongRunning`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-goog-api-key": apiKey },
    body: JSON.stringify({ instances: [{ prompt }], parameters: { aspectRatio: "16:9", sampleCount: 1 } }),
  });
}

async function pollVeo(name: string): Promise<GenerateVideosOperation> {
  const operation = Object.assign(new GenerateVideosOperation(), { name });
  return until(
    () => ai.operations.getVideosOperation({ operation }),
    (op) => op.done === true,
  );
}

describe("google emulator", () => {
  it("generateContent returns an inline PNG in the requested aspect ratio, with reference images accepted", async () => {
    const reference = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#08f" } })
      .png()
      .toBuffer();
    const response = await ai.models.generateContent({
      model: "gemini-2.5-flash-image",
      contents: [
        {
          role: "user",
          parts: [
            { text: "a teapot" },
            { inlineData: { mimeType: "image/png", data: reference.toString("base64") } },
          ],
        },
      ],
      config: { responseModalities: ["TEXT", "IMAGE"], imageConfig: { aspectRatio: "16:9" } },
    });
    const parts = response.candidates?.[0]?.content?.parts ?? [];
    expect(parts.some((part) => typeof part.text === "string")).toBe(true);
    const image = parts.find((part) => part.inlineData)?.inlineData;
    expect(image?.mimeType).toBe("image/png");
    const meta = await sharp(Buffer.from(image!.data!, "base64")).metadata();
    expect(meta).toMatchObject({ format: "png", width: 1344, height: 768 });
    expect(response.candidates?.[0]?.finishReason).toBe("STOP");
    expect(response.modelVersion).toBe("gemini-2.5-flash-image");
    expect(response.usageMetadata?.totalTokenCount).toBeGreaterThan(0);
  });

  it("[fail] gives a finishReason and no image", async () => {
    const response = await ai.models.generateContent({
      model: "gemini-2.5-flash-image",
      contents: "[fail] a teapot",
    });
    expect(response.candidates?.[0]?.finishReason).toBe("IMAGE_SAFETY");
    expect(response.text).toMatch(/\[fail\]/);
    expect(response.data).toBeUndefined();
  });

  it("rejects an invalid key the way Google does", async () => {
    const bad = new GoogleGenAI({ apiKey: "AIza-invalid", httpOptions: { baseUrl: emulator.url } });
    const error = await bad.models
      .generateContent({ model: "gemini-2.5-flash-image", contents: "x" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toMatch(/API_KEY_INVALID/);
    expect((await startVeo("x", "ratelimited")).status).toBe(429);
  });

  it("Veo: predictLongRunning, operation polling and a downloadable MP4", async () => {
    const started = await startVeo("a paper crane");
    expect(started.status).toBe(200);
    const { name } = (await started.json()) as { name: string };
    expect(name).toMatch(/^models\/veo-3\.1-generate-preview\/operations\/[a-z0-9]+$/);

    const done = await pollVeo(name);
    expect(done.error).toBeUndefined();
    const generated = done.response?.generatedVideos?.[0];
    const uri = generated?.video?.uri;
    expect(uri).toMatch(/\/v1beta\/files\/[a-z0-9]+:download\?alt=media$/);

    const unauthenticated = await fetch(uri!);
    expect(unauthenticated.status).toBe(403);
    const mp4 = Buffer.from(
      await (await fetch(uri!, { headers: { "x-goog-api-key": "AIza-test" } })).arrayBuffer(),
    );
    expect(mp4.subarray(4, 8).toString("latin1")).toBe("ftyp");

    const downloadPath = path.join(tmpdir(), `veo-${Date.now()}.mp4`);
    await ai.files.download({ file: generated!, downloadPath });
    await until(
      () => readFile(downloadPath).catch(() => Buffer.alloc(0)),
      (bytes) => bytes.length === mp4.length,
    );
    expect((await readFile(downloadPath)).equals(mp4)).toBe(true);
    await rm(downloadPath, { force: true });
  });

  it("Veo [fail] ends the operation with an error", async () => {
    const { name } = (await (await startVeo("[fail] a paper crane")).json()) as { name: string };
    const done = await pollVeo(name);
    expect(done.error?.message).toMatch(/\[fail\]/);
    expect(done.response).toBeUndefined();
  });
});
