// fal.ai models. Endpoint ids and input names were checked against the fal model pages
// (https://fal.ai/models/<endpoint>/llms.txt) and the generated endpoint types shipped in
// @fal-ai/client 1.10.1 (src/types/endpoints.d.ts).
import { minutes, negativePromptWithDefault, numOutputs, outputFormat, prompt } from "./common";
import { compact, defineModel } from "./define";
import { defineParams, param } from "./params";

/** fal names sizes instead of ratios; these are its presets (FluxDevInput.image_size). */
const FAL_IMAGE_SIZES = {
  "1:1": { preset: "square_hd", width: 1024, height: 1024 },
  "4:3": { preset: "landscape_4_3", width: 1024, height: 768 },
  "3:4": { preset: "portrait_4_3", width: 768, height: 1024 },
  "16:9": { preset: "landscape_16_9", width: 1024, height: 576 },
  "9:16": { preset: "portrait_16_9", width: 576, height: 1024 },
} as const;
type FalAspectRatio = keyof typeof FAL_IMAGE_SIZES;
const FAL_ASPECT_RATIOS = Object.keys(FAL_IMAGE_SIZES) as FalAspectRatio[];

/** fal bills FLUX [dev] per megapixel, rounded up per image; a megapixel is 1024×1024 pixels. */
const MEGAPIXEL = 1024 * 1024;
export const falMegapixels = (ratio: FalAspectRatio) => {
  const size = FAL_IMAGE_SIZES[ratio];
  return Math.ceil((size.width * size.height) / MEGAPIXEL);
};

export const falFluxDev = defineModel({
  id: "fal-flux-dev",
  provider: "fal",
  providerRef: "fal-ai/flux/dev",
  name: "FLUX.1 [dev]",
  description: "The 12B FLUX [dev] model on fal: detailed images with adjustable steps and guidance.",
  kind: "image",
  tools: ["generate"],
  params: defineParams({
    prompt: prompt(),
    aspect_ratio: param.select({ label: "Aspect ratio", options: FAL_ASPECT_RATIOS, default: "4:3" }),
    num_outputs: numOutputs(4),
    steps: param.integer({ label: "Steps", min: 1, max: 50, default: 28, slider: true, advanced: true }),
    guidance: param.number({
      label: "Guidance",
      min: 1,
      max: 20,
      step: 0.5,
      default: 3.5,
      slider: true,
      advanced: true,
      help: "How closely to follow the prompt.",
    }),
    output_format: outputFormat(["jpeg", "png"], "jpeg"),
    seed: param.seed(),
  }),
  price: { unit: "megapixel", credits: 3 },
  billableUnits: (input) => falMegapixels(input.aspect_ratio) * input.num_outputs,
  maxDurationSeconds: minutes(5),
  enabled: true,
  toProviderInput: (input) =>
    compact({
      prompt: input.prompt,
      image_size: FAL_IMAGE_SIZES[input.aspect_ratio].preset,
      num_images: input.num_outputs,
      num_inference_steps: input.steps,
      guidance_scale: input.guidance,
      output_format: input.output_format,
      enable_safety_checker: true,
      seed: input.seed,
    }),
});

export const falNanoBananaEdit = defineModel({
  id: "fal-nano-banana-edit",
  provider: "fal",
  // The id predates the move from fal-ai/nano-banana/edit (Gemini 2.5 Flash Image, shut down).
  providerRef: "fal-ai/nano-banana-2/edit",
  name: "Nano Banana 2 edit (fal)",
  description: "Google's Gemini 3.1 Flash Image on fal: edit or combine images with an instruction.",
  kind: "image",
  tools: ["edit"],
  maxReferenceImages: 4,
  params: defineParams({
    prompt: prompt("Instruction", "What to change or how to combine the images."),
    reference_images: param.images({ label: "Images", min: 1, max: 4 }),
    aspect_ratio: param.select({
      label: "Aspect ratio",
      options: [
        { value: "auto", label: "Match input" },
        ...["21:9", "16:9", "3:2", "4:3", "5:4", "1:1", "4:5", "3:4", "2:3", "9:16"].map((value) => ({
          value,
          label: value,
        })),
      ],
      default: "auto",
    }),
    num_outputs: numOutputs(4),
    output_format: outputFormat(["png", "jpeg", "webp"], "png"),
    seed: param.seed(),
  }),
  price: { unit: "image", credits: 5 },
  billableUnits: (input) => input.num_outputs,
  maxDurationSeconds: minutes(5),
  enabled: true,
  toProviderInput: (input) =>
    compact({
      prompt: input.prompt,
      image_urls: input.reference_images,
      aspect_ratio: input.aspect_ratio,
      num_images: input.num_outputs,
      output_format: input.output_format,
      seed: input.seed,
    }),
});

const KLING_DURATIONS = [
  { value: 5, label: "5 s" },
  { value: 10, label: "10 s" },
];
const KLING_NEGATIVE_DEFAULT = "blur, distort, and low quality";
const klingCfgScale = () =>
  param.number({
    label: "Prompt adherence",
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.5,
    slider: true,
    advanced: true,
    help: "CFG scale: higher follows the prompt more closely.",
  });

export const falKlingImageToVideo = defineModel({
  id: "kling-2-5-turbo-i2v",
  provider: "fal",
  providerRef: "fal-ai/kling-video/v2.5-turbo/pro/image-to-video",
  name: "Kling 2.5 Turbo Pro (image to video)",
  description: "Animate a still image into a 5 or 10 second clip; optionally give the last frame too.",
  kind: "video",
  tools: ["image_to_video", "keyframes"],
  params: defineParams({
    prompt: prompt("Prompt", "Describe the motion and camera."),
    first_frame: param.image({ label: "First frame", required: true }),
    last_frame: param.image({ label: "Last frame", help: "Optional: the clip ends on this image." }),
    duration_seconds: param.select({ label: "Duration", options: KLING_DURATIONS, default: 5 }),
    negative_prompt: negativePromptWithDefault(KLING_NEGATIVE_DEFAULT),
    cfg_scale: klingCfgScale(),
  }),
  price: { unit: "second", credits: 9 },
  billableUnits: (input) => input.duration_seconds,
  maxDurationSeconds: minutes(30),
  enabled: true,
  toProviderInput: (input) =>
    compact({
      prompt: input.prompt,
      image_url: input.first_frame,
      tail_image_url: input.last_frame,
      duration: String(input.duration_seconds),
      negative_prompt: input.negative_prompt,
      cfg_scale: input.cfg_scale,
    }),
});

export const falKlingTextToVideo = defineModel({
  id: "kling-2-5-turbo-t2v",
  provider: "fal",
  providerRef: "fal-ai/kling-video/v2.5-turbo/pro/text-to-video",
  name: "Kling 2.5 Turbo Pro (text to video)",
  description: "Cinematic 5 or 10 second clips from a text prompt.",
  kind: "video",
  tools: ["generate"],
  params: defineParams({
    prompt: prompt("Prompt", "Describe the scene, the motion and the camera."),
    aspect_ratio: param.select({ label: "Aspect ratio", options: ["16:9", "9:16", "1:1"], default: "16:9" }),
    duration_seconds: param.select({ label: "Duration", options: KLING_DURATIONS, default: 5 }),
    negative_prompt: negativePromptWithDefault(KLING_NEGATIVE_DEFAULT),
    cfg_scale: klingCfgScale(),
  }),
  price: { unit: "second", credits: 9 },
  billableUnits: (input) => input.duration_seconds,
  maxDurationSeconds: minutes(30),
  enabled: true,
  toProviderInput: (input) => ({
    prompt: input.prompt,
    aspect_ratio: input.aspect_ratio,
    duration: String(input.duration_seconds),
    negative_prompt: input.negative_prompt,
    cfg_scale: input.cfg_scale,
  }),
});

export const FAL_MODELS = [falFluxDev, falNanoBananaEdit, falKlingImageToVideo, falKlingTextToVideo] as const;
