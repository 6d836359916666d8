// fal: the endpoints we call and their input schemas, from each endpoint's page
// (https://fal.ai/models/<endpoint>/llms.txt).
import type { FieldSpec, ProviderServes } from "./provider-models";

const CHECKED = "2026-11-30";
const page = (endpoint: string) => `https://fal.ai/models/${endpoint}/llms.txt`;
const uri = { type: "string", format: "uri" } as const;
const seed = { type: "integer" } as const;
const prompt = { type: "string" } as const;

const IMAGE_SIZE: FieldSpec = {
  type: "oneOf",
  options: [
    {
      type: "string",
      enum: ["square_hd", "square", "portrait_4_3", "portrait_16_9", "landscape_4_3", "landscape_16_9"],
    },
    {
      type: "object",
      required: ["width", "height"],
      properties: {
        width: { type: "integer", minimum: 1, maximum: 14142 },
        height: { type: "integer", minimum: 1, maximum: 14142 },
      },
    },
  ],
};

const KLING_COMMON = {
  prompt: { type: "string", maxLength: 2500 },
  duration: { type: "string", enum: ["5", "10"] },
  negative_prompt: { type: "string", maxLength: 2500 },
  cfg_scale: { type: "number", minimum: 0, maximum: 1 },
} as const;

export const FAL_SERVED: ProviderServes = {
  apiVersions: [],
  models: [
    {
      ref: "fal-ai/flux/dev",
      verified: { on: CHECKED, source: page("fal-ai/flux/dev") },
      input: {
        required: ["prompt"],
        properties: {
          prompt,
          image_size: IMAGE_SIZE,
          num_inference_steps: { type: "integer", minimum: 1, maximum: 50 },
          seed,
          guidance_scale: { type: "number", minimum: 1, maximum: 20 },
          sync_mode: { type: "boolean" },
          num_images: { type: "integer", minimum: 1, maximum: 4 },
          enable_safety_checker: { type: "boolean" },
          output_format: { type: "string", enum: ["jpeg", "png"] },
          acceleration: { type: "string", enum: ["none", "regular", "high"] },
        },
      },
    },
    {
      // Nano Banana 2 (Gemini 3.1 Flash Image) edits; it replaces fal-ai/nano-banana/edit below.
      ref: "fal-ai/nano-banana-2/edit",
      verified: { on: CHECKED, source: page("fal-ai/nano-banana-2/edit") },
      input: {
        required: ["prompt", "image_urls"],
        properties: {
          prompt,
          image_urls: { type: "array", items: uri, minItems: 1, maxItems: 14 },
          num_images: { type: "integer", minimum: 1, maximum: 4 },
          seed,
          aspect_ratio: {
            type: "string",
            enum: [
              "auto",
              "21:9",
              "16:9",
              "3:2",
              "4:3",
              "5:4",
              "1:1",
              "4:5",
              "3:4",
              "2:3",
              "9:16",
              "4:1",
              "1:4",
              "8:1",
              "1:8",
            ],
          },
          output_format: { type: "string", enum: ["jpeg", "png", "webp"] },
          safety_tolerance: { type: "string", enum: ["1", "2", "3", "4", "5", "6"] },
          resolution: { type: "string", enum: ["0.5K", "1K", "2K", "4K"] },
          limit_generations: { type: "boolean" },
          enable_web_search: { type: "boolean" },
          sync_mode: { type: "boolean" },
        },
      },
    },
    {
      ref: "fal-ai/kling-video/v2.5-turbo/pro/image-to-video",
      verified: { on: CHECKED, source: page("fal-ai/kling-video/v2.5-turbo/pro/image-to-video") },
      input: {
        required: ["prompt", "image_url"],
        properties: { ...KLING_COMMON, image_url: uri, tail_image_url: uri },
      },
    },
    {
      ref: "fal-ai/kling-video/v2.5-turbo/pro/text-to-video",
      verified: { on: CHECKED, source: page("fal-ai/kling-video/v2.5-turbo/pro/text-to-video") },
      input: {
        required: ["prompt"],
        properties: { ...KLING_COMMON, aspect_ratio: { type: "string", enum: ["16:9", "9:16", "1:1"] } },
      },
    },
  ],
  retired: [
    {
      // Nano Banana is Gemini 2.5 Flash Image, which Google shut down on 2026-10-02.
      ref: "fal-ai/nano-banana/edit",
      shutDown: "2026-10-02",
      replacement: "fal-ai/nano-banana-2/edit",
      source: "https://ai.google.dev/gemini-api/docs/deprecations",
    },
  ],
};
