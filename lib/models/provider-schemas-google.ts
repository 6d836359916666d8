// Gemini API: the image model we call and the generateContent request body it accepts. Image
// output (`responseModalities`, `imageConfig`) is a `v1beta` feature: on `v1` the API refuses
// those fields as unknown, so every call must pin `v1beta` (@google/genai 3 defaults to `v1`).
// Sources: https://ai.google.dev/gemini-api/docs/deprecations (retired ids and replacements),
// https://ai.google.dev/gemini-api/docs/image-generation (request fields).
import type { FieldSpec, InputSchema, ProviderServes } from "./provider-models";

const CHECKED = "2026-11-30";
const DEPRECATIONS = "https://ai.google.dev/gemini-api/docs/deprecations";

/** GenerationConfig fields that exist on `v1beta` only. */
export const GEMINI_V1BETA_ONLY_CONFIG = ["responseModalities", "imageConfig"] as const;

const PART: FieldSpec = {
  type: "oneOf",
  options: [
    { type: "object", required: ["text"], properties: { text: { type: "string" } } },
    {
      type: "object",
      required: ["inlineData"],
      properties: {
        inlineData: {
          type: "object",
          required: ["mimeType", "data"],
          properties: { mimeType: { type: "string" }, data: { type: "string" } },
        },
      },
    },
  ],
};

const TEXT_PARTS: FieldSpec = {
  type: "object",
  required: ["parts"],
  properties: { role: { type: "string" }, parts: { type: "array", minItems: 1, items: PART } },
};

/** A text model's body: system instruction and structured output (`responseJsonSchema`). */
function textContentBody(): InputSchema {
  return {
    required: ["contents"],
    properties: {
      contents: { type: "array", minItems: 1, items: TEXT_PARTS },
      systemInstruction: TEXT_PARTS,
      generationConfig: {
        type: "object",
        properties: {
          responseModalities: { type: "array", items: { type: "string", enum: ["TEXT"] } },
          responseMimeType: { type: "string", enum: ["text/plain", "application/json"] },
          responseJsonSchema: { type: "object", properties: {}, open: true },
          candidateCount: { type: "integer", minimum: 1, maximum: 8 },
          temperature: { type: "number", minimum: 0, maximum: 2 },
          topP: { type: "number", minimum: 0, maximum: 1 },
          topK: { type: "integer", minimum: 1 },
          seed: { type: "integer" },
          maxOutputTokens: { type: "integer", minimum: 1 },
        },
      },
    },
  };
}

function generateContentBody(imageConfig: Record<string, FieldSpec>): InputSchema {
  return {
    required: ["contents"],
    properties: {
      contents: {
        type: "array",
        minItems: 1,
        items: {
          type: "object",
          required: ["parts"],
          properties: {
            role: { type: "string", enum: ["user", "model"] },
            parts: { type: "array", minItems: 1, items: PART },
          },
        },
      },
      generationConfig: {
        type: "object",
        properties: {
          responseModalities: { type: "array", items: { type: "string", enum: ["TEXT", "IMAGE"] } },
          imageConfig: { type: "object", properties: imageConfig },
          candidateCount: { type: "integer", minimum: 1, maximum: 8 },
          temperature: { type: "number", minimum: 0, maximum: 2 },
          topP: { type: "number", minimum: 0, maximum: 1 },
          topK: { type: "integer", minimum: 1 },
          seed: { type: "integer" },
          maxOutputTokens: { type: "integer", minimum: 1 },
        },
      },
    },
  };
}

export const GOOGLE_SERVED: ProviderServes = {
  apiVersions: ["v1beta", "v1"],
  models: [
    {
      // Nano Banana 2, GA on 2026-05-28; the recommended replacement for gemini-2.5-flash-image.
      ref: "gemini-3.1-flash-image",
      verified: { on: CHECKED, source: DEPRECATIONS },
      input: generateContentBody({
        aspectRatio: {
          type: "string",
          enum: [
            "1:1",
            "1:4",
            "1:8",
            "2:3",
            "3:2",
            "3:4",
            "4:1",
            "4:3",
            "4:5",
            "5:4",
            "8:1",
            "9:16",
            "16:9",
            "21:9",
          ],
        },
        imageSize: { type: "string", enum: ["1K", "2K", "4K"] },
      }),
    },
    {
      // GA on 2026-05-19 with no shutdown date announced: the text model for describe,
      // brainstorm and enhance.
      ref: "gemini-3.5-flash",
      verified: { on: CHECKED, source: DEPRECATIONS },
      input: textContentBody(),
    },
  ],
  retired: [
    {
      ref: "gemini-2.5-flash",
      shutDown: "2026-06-17",
      replacement: "gemini-3.5-flash",
      source: DEPRECATIONS,
    },
    {
      ref: "gemini-2.5-flash-image",
      shutDown: "2026-10-02",
      replacement: "gemini-3.1-flash-image",
      source: DEPRECATIONS,
    },
    {
      ref: "veo-3.1-fast-generate-preview",
      shutDown: "2026-10-22",
      replacement: "gemini-omni-1.1-flash (Interactions API)",
      source: DEPRECATIONS,
    },
    {
      ref: "veo-3.1-generate-preview",
      shutDown: "2026-10-22",
      replacement: "gemini-omni-1.1-flash (Interactions API)",
      source: DEPRECATIONS,
    },
  ],
};
