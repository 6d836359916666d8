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

const SAFETY_TOLERANCE = { type: "string", enum: ["1", "2", "3", "4", "5", "6"] } as const;
/** `[width, height]` in pixels. */
const PAIR = { type: "array", items: { type: "integer", minimum: 1 }, minItems: 2, maxItems: 2 } as const;
const SIDE = { type: "integer", minimum: 0, maximum: 700 } as const;

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
    {
      ref: "fal-ai/flux-pro/v1/fill",
      verified: { on: CHECKED, source: page("fal-ai/flux-pro/v1/fill") },
      input: {
        required: ["prompt", "image_url", "mask_url"],
        properties: {
          prompt,
          image_url: uri,
          mask_url: uri,
          seed,
          num_images: { type: "integer", minimum: 1, maximum: 4 },
          output_format: { type: "string", enum: ["jpeg", "png"] },
          safety_tolerance: SAFETY_TOLERANCE,
          enhance_prompt: { type: "boolean" },
          sync_mode: { type: "boolean" },
        },
      },
    },
    {
      ref: "fal-ai/bria/expand",
      verified: { on: CHECKED, source: page("fal-ai/bria/expand") },
      input: {
        required: ["image_url", "canvas_size"],
        properties: {
          image_url: uri,
          canvas_size: PAIR,
          aspect_ratio: {
            type: "string",
            enum: ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9"],
          },
          original_image_size: PAIR,
          original_image_location: { type: "array", items: { type: "integer" }, minItems: 2, maxItems: 2 },
          prompt,
          negative_prompt: { type: "string" },
          seed,
          sync_mode: { type: "boolean" },
        },
      },
    },
    {
      // The per-side variant: black margins of up to 700 px a side, filled by the model.
      ref: "fal-ai/image-apps-v2/outpaint",
      verified: { on: CHECKED, source: page("fal-ai/image-apps-v2/outpaint") },
      input: {
        required: ["image_url"],
        properties: {
          image_url: uri,
          expand_left: SIDE,
          expand_right: SIDE,
          expand_top: SIDE,
          expand_bottom: SIDE,
          zoom_out_percentage: { type: "number", minimum: 0, maximum: 90 },
          prompt,
          num_images: { type: "integer", minimum: 1, maximum: 4 },
          enable_safety_checker: { type: "boolean" },
          output_format: { type: "string", enum: ["png", "jpeg", "jpg", "webp"] },
          sync_mode: { type: "boolean" },
        },
      },
    },
    {
      ref: "fal-ai/clarity-upscaler",
      verified: { on: CHECKED, source: page("fal-ai/clarity-upscaler") },
      input: {
        required: ["image_url"],
        properties: {
          image_url: uri,
          prompt,
          upscale_factor: { type: "number", minimum: 1, maximum: 4 },
          negative_prompt: { type: "string" },
          creativity: { type: "number", minimum: 0, maximum: 1 },
          resemblance: { type: "number", minimum: 0, maximum: 1 },
          guidance_scale: { type: "number", minimum: 0, maximum: 20 },
          num_inference_steps: { type: "integer", minimum: 4, maximum: 50 },
          seed,
          enable_safety_checker: { type: "boolean" },
        },
      },
    },
    {
      ref: "fal-ai/birefnet/v2",
      verified: { on: CHECKED, source: page("fal-ai/birefnet/v2") },
      input: {
        required: ["image_url"],
        properties: {
          image_url: uri,
          model: {
            type: "string",
            enum: [
              "General Use (Light)",
              "General Use (Light 2K)",
              "General Use (Heavy)",
              "Matting",
              "Portrait",
              "General Use (Dynamic)",
            ],
          },
          operating_resolution: { type: "string", enum: ["1024x1024", "2048x2048", "2304x2304"] },
          output_format: { type: "string", enum: ["webp", "png", "gif"] },
          output_mask: { type: "boolean" },
          mask_only: { type: "boolean" },
          refine_foreground: { type: "boolean" },
          sync_mode: { type: "boolean" },
        },
      },
    },
    {
      ref: "fal-ai/codeformer",
      verified: { on: CHECKED, source: page("fal-ai/codeformer") },
      input: {
        required: ["image_url"],
        properties: {
          image_url: uri,
          fidelity: { type: "number", minimum: 0, maximum: 1 },
          upscale_factor: { type: "number", minimum: 1, maximum: 4 },
          face_upscale: { type: "boolean" },
          only_center_face: { type: "boolean" },
          aligned: { type: "boolean" },
          seed,
        },
      },
    },
    {
      ref: "fal-ai/veo3.1/first-last-frame-to-video",
      verified: { on: CHECKED, source: page("fal-ai/veo3.1/first-last-frame-to-video") },
      input: {
        required: ["prompt", "first_frame_url", "last_frame_url"],
        properties: {
          prompt,
          first_frame_url: uri,
          last_frame_url: uri,
          aspect_ratio: { type: "string", enum: ["auto", "16:9", "9:16"] },
          duration: { type: "string", enum: ["4s", "6s", "8s"] },
          resolution: { type: "string", enum: ["720p", "1080p", "4k"] },
          generate_audio: { type: "boolean" },
          negative_prompt: { type: "string" },
          safety_tolerance: SAFETY_TOLERANCE,
          auto_fix: { type: "boolean" },
          seed,
        },
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
