// The emulator's Gemini API, driven by the real `@google/genai` SDK (no mocks), pinned to the
// API version the app uses.
import { ApiError, GoogleGenAI } from "@google/genai";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "@/scripts/emulator/server";

let emulator: Emulator;
let ai: GoogleGenAI;
const MODEL = "gemini-3.1-flash-image";

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, speedFactor: 0.1 });
  ai = new GoogleGenAI({ apiKey: "AIza-test", httpOptions: { baseUrl: emulator.url, apiVersion: "v1beta" } });
});

afterAll(() => emulator.close());

describe("google emulator", () => {
  it("generateContent returns an inline PNG in the requested aspect ratio, with reference images accepted", async () => {
    const reference = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#08f" } })
      .png()
      .toBuffer();
    const response = await ai.models.generateContent({
      model: MODEL,
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
    expect(response.modelVersion).toBe(MODEL);
    expect(response.usageMetadata?.totalTokenCount).toBeGreaterThan(0);
  });

  it("[fail] gives a finishReason and no image", async () => {
    const response = await ai.models.generateContent({ model: MODEL, contents: "[fail] a teapot" });
    expect(response.candidates?.[0]?.finishReason).toBe("IMAGE_SAFETY");
    expect(response.text).toMatch(/\[fail\]/);
    expect(response.data).toBeUndefined();
  });

  it("rejects an invalid key the way Google does", async () => {
    const bad = new GoogleGenAI({
      apiKey: "AIza-invalid",
      httpOptions: { baseUrl: emulator.url, apiVersion: "v1beta" },
    });
    const error = await bad.models.generateContent({ model: MODEL, contents: "x" }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toMatch(/API_KEY_INVALID/);
  });
});
