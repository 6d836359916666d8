// Replicate: the models we run and their input schemas, from each model's API page
// (https://replicate.com/<owner>/<name>/api, or /versions/<id>/api for a pinned version).
import type { ProviderServes } from "./provider-models";

const CHECKED = "2026-11-30";
const uri = { type: "string", format: "uri" } as const;
const seed = { type: "integer" } as const;
const prompt = { type: "string" } as const;

const FLUX_RATIOS = [
  "1:1",
  "16:9",
  "21:9",
  "3:2",
  "2:3",
  "4:5",
  "5:4",
  "3:4",
  "4:3",
  "9:16",
  "9:21",
] as const;

export const REPLICATE_SERVED: ProviderServes = {
  apiVersions: ["v1"],
  models: [
    {
      ref: "black-forest-labs/flux-schnell",
      verified: { on: CHECKED, source: "https://replicate.com/black-forest-labs/flux-schnell/api" },
      input: {
        required: ["prompt"],
        properties: {
          prompt,
          aspect_ratio: { type: "string", enum: FLUX_RATIOS },
          num_outputs: { type: "integer", minimum: 1, maximum: 4 },
          num_inference_steps: { type: "integer", minimum: 1, maximum: 4 },
          output_format: { type: "string", enum: ["webp", "jpg", "png"] },
          output_quality: { type: "integer", minimum: 0, maximum: 100 },
          seed,
          go_fast: { type: "boolean" },
          megapixels: { type: "string", enum: ["1", "0.25"] },
          disable_safety_checker: { type: "boolean" },
        },
      },
    },
    {
      ref: "black-forest-labs/flux-1.1-pro",
      verified: { on: CHECKED, source: "https://replicate.com/black-forest-labs/flux-1.1-pro/api" },
      input: {
        required: ["prompt"],
        properties: {
          prompt,
          aspect_ratio: {
            type: "string",
            enum: ["custom", "1:1", "16:9", "3:2", "2:3", "4:5", "5:4", "9:16", "3:4", "4:3"],
          },
          width: { type: "integer", minimum: 256, maximum: 1440 },
          height: { type: "integer", minimum: 256, maximum: 1440 },
          image_prompt: uri,
          prompt_upsampling: { type: "boolean" },
          safety_tolerance: { type: "integer", minimum: 1, maximum: 6 },
          output_format: { type: "string", enum: ["webp", "jpg", "png"] },
          output_quality: { type: "integer", minimum: 0, maximum: 100 },
          seed,
        },
      },
    },
    {
      ref: "black-forest-labs/flux-kontext-pro",
      verified: { on: CHECKED, source: "https://replicate.com/black-forest-labs/flux-kontext-pro/api" },
      input: {
        required: ["prompt"],
        properties: {
          prompt,
          input_image: uri,
          aspect_ratio: {
            type: "string",
            enum: ["match_input_image", ...FLUX_RATIOS, "2:1", "1:2"],
          },
          prompt_upsampling: { type: "boolean" },
          safety_tolerance: { type: "integer", minimum: 0, maximum: 6 },
          output_format: { type: "string", enum: ["jpg", "png"] },
          seed,
        },
      },
    },
    {
      ref: "nightmareai/real-esrgan:f121d640bd286e1fdc67f9799164c1d5be36ff74576ee11c803ae5b665dd46aa",
      verified: {
        on: CHECKED,
        source:
          "https://replicate.com/nightmareai/real-esrgan/versions/f121d640bd286e1fdc67f9799164c1d5be36ff74576ee11c803ae5b665dd46aa/api",
      },
      input: {
        required: ["image"],
        properties: {
          image: uri,
          scale: { type: "number", minimum: 0, maximum: 10 },
          face_enhance: { type: "boolean" },
        },
      },
    },
    {
      ref: "851-labs/background-remover:a029dff38972b5fda4ec5d75d7d1cd25aeff621d2cf4946a41055d7db66b80bc",
      verified: {
        on: CHECKED,
        source:
          "https://replicate.com/851-labs/background-remover/versions/a029dff38972b5fda4ec5d75d7d1cd25aeff621d2cf4946a41055d7db66b80bc/api",
      },
      input: {
        required: ["image"],
        properties: {
          image: uri,
          format: { type: "string", enum: ["png", "jpg"] },
          reverse: { type: "boolean" },
          threshold: { type: "number", minimum: 0, maximum: 1 },
          background_type: { type: "string", enum: ["rgba", "map", "green", "white", "blur", "overlay"] },
        },
      },
    },
    {
      // Google's Veo 3.1 Fast, run by Google for Replicate (the Gemini API no longer serves Veo).
      ref: "google/veo-3.1-fast",
      verified: { on: CHECKED, source: "https://replicate.com/google/veo-3.1-fast/api" },
      input: {
        required: ["prompt"],
        properties: {
          prompt,
          aspect_ratio: { type: "string", enum: ["16:9", "9:16"] },
          duration: { type: "integer", enum: [4, 6, 8] },
          image: uri,
          last_frame: uri,
          negative_prompt: { type: "string" },
          resolution: { type: "string", enum: ["720p", "1080p"] },
          generate_audio: { type: "boolean" },
          seed,
        },
      },
    },
    {
      ref: "black-forest-labs/flux-fill-pro",
      verified: { on: CHECKED, source: "https://replicate.com/black-forest-labs/flux-fill-pro/api" },
      input: {
        required: ["prompt", "image"],
        properties: {
          prompt,
          image: uri,
          mask: uri,
          steps: { type: "integer", minimum: 15, maximum: 50 },
          guidance: { type: "number", minimum: 1.5, maximum: 100 },
          outpaint: {
            type: "string",
            enum: [
              "None",
              "Zoom out 1.5x",
              "Zoom out 2x",
              "Make square",
              "Left outpaint",
              "Right outpaint",
              "Top outpaint",
              "Bottom outpaint",
            ],
          },
          prompt_upsampling: { type: "boolean" },
          safety_tolerance: { type: "integer", minimum: 1, maximum: 6 },
          output_format: { type: "string", enum: ["jpg", "png"] },
          seed,
        },
      },
    },
    {
      ref: "sczhou/codeformer:7de2ea26c616d5bf2245ad0d5e24f0ff9a6204578a5c876db53142edd9d2cd56",
      verified: {
        on: CHECKED,
        source:
          "https://replicate.com/sczhou/codeformer/versions/7de2ea26c616d5bf2245ad0d5e24f0ff9a6204578a5c876db53142edd9d2cd56/api",
      },
      input: {
        required: ["image"],
        properties: {
          image: uri,
          upscale: { type: "integer", minimum: 1, maximum: 10 },
          face_upsample: { type: "boolean" },
          background_enhance: { type: "boolean" },
          codeformer_fidelity: { type: "number", minimum: 0, maximum: 1 },
        },
      },
    },
  ],
  retired: [],
};
