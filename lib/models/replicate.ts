// Replicate models. Input names were checked against each model's API schema on replicate.com
// (https://replicate.com/<owner>/<name>/versions/<id>/api). Official models (black-forest-labs/*)
// run by `owner/name`; community models need a pinned `owner/name:<version>`.
import { minutes, numOutputs, outputFormat, prompt } from "./common";
import { compact, defineModel } from "./define";
import { defineParams, param } from "./params";

const FLUX_ASPECT_RATIOS = [
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

export const fluxSchnell = defineModel({
  id: "flux-schnell",
  provider: "replicate",
  providerRef: "black-forest-labs/flux-schnell",
  name: "FLUX.1 [schnell]",
  description: "The fastest FLUX model: good images in about a second, ideal for sketching ideas.",
  kind: "image",
  tools: ["generate"],
  params: defineParams({
    prompt: prompt(),
    aspect_ratio: param.select({ label: "Aspect ratio", options: FLUX_ASPECT_RATIOS, default: "1:1" }),
    num_outputs: numOutputs(4),
    steps: param.integer({
      label: "Steps",
      min: 1,
      max: 4,
      default: 4,
      slider: true,
      advanced: true,
      help: "4 is recommended; fewer is faster but rougher.",
    }),
    output_format: outputFormat(["webp", "jpg", "png"], "webp"),
    seed: param.seed(),
  }),
  price: { unit: "image", credits: 1 },
  billableUnits: (input) => input.num_outputs,
  maxDurationSeconds: minutes(5),
  enabled: true,
  toProviderInput: (input) =>
    compact({
      prompt: input.prompt,
      aspect_ratio: input.aspect_ratio,
      num_outputs: input.num_outputs,
      num_inference_steps: input.steps,
      output_format: input.output_format,
      output_quality: 90,
      seed: input.seed,
    }),
});

export const flux11Pro = defineModel({
  id: "flux-1-1-pro",
  provider: "replicate",
  providerRef: "black-forest-labs/flux-1.1-pro",
  name: "FLUX1.1 [pro]",
  description: "High quality text-to-image with strong prompt following and detail.",
  kind: "image",
  tools: ["generate"],
  params: defineParams({
    prompt: prompt(),
    aspect_ratio: param.select({
      label: "Aspect ratio",
      options: ["1:1", "16:9", "3:2", "2:3", "4:5", "5:4", "9:16", "3:4", "4:3"],
      default: "1:1",
    }),
    prompt_upsampling: param.toggle({
      label: "Enhance prompt",
      default: false,
      help: "Let the model rewrite the prompt for more creative results.",
    }),
    safety_tolerance: param.integer({
      label: "Safety tolerance",
      min: 1,
      max: 5,
      default: 2,
      slider: true,
      advanced: true,
      help: "1 is the strictest, 5 the most permissive.",
    }),
    output_format: outputFormat(["webp", "jpg", "png"], "webp"),
    seed: param.seed(),
  }),
  price: { unit: "image", credits: 5 },
  billableUnits: () => 1,
  maxDurationSeconds: minutes(5),
  enabled: true,
  toProviderInput: (input) =>
    compact({
      prompt: input.prompt,
      aspect_ratio: input.aspect_ratio,
      prompt_upsampling: input.prompt_upsampling,
      safety_tolerance: input.safety_tolerance,
      output_format: input.output_format,
      output_quality: 90,
      seed: input.seed,
    }),
});

export const fluxKontextPro = defineModel({
  id: "flux-kontext-pro",
  provider: "replicate",
  providerRef: "black-forest-labs/flux-kontext-pro",
  name: "FLUX.1 Kontext [pro]",
  description: 'Edit an image with a plain instruction ("make it winter"), or generate one from text.',
  kind: "image",
  tools: ["edit", "generate"],
  maxReferenceImages: 1,
  params: defineParams({
    prompt: prompt("Instruction", "What to change, e.g. “replace the sky with a sunset”."),
    image: param.image({ label: "Image to edit", help: "Leave empty to generate from the text alone." }),
    aspect_ratio: param.select({
      label: "Aspect ratio",
      options: [
        { value: "match_input_image", label: "Match input image" },
        ...FLUX_ASPECT_RATIOS.map((value) => ({ value, label: value })),
      ],
      default: "match_input_image",
    }),
    prompt_upsampling: param.toggle({ label: "Enhance prompt", default: false, advanced: true }),
    output_format: outputFormat(["png", "jpg"], "png"),
    seed: param.seed(),
  }),
  price: { unit: "image", credits: 5 },
  billableUnits: () => 1,
  maxDurationSeconds: minutes(5),
  enabled: true,
  toProviderInput: (input) =>
    compact({
      prompt: input.prompt,
      input_image: input.image,
      aspect_ratio: input.aspect_ratio,
      prompt_upsampling: input.prompt_upsampling,
      output_format: input.output_format,
      seed: input.seed,
    }),
});

export const realEsrgan = defineModel({
  id: "real-esrgan",
  provider: "replicate",
  providerRef: "nightmareai/real-esrgan:f121d640bd286e1fdc67f9799164c1d5be36ff74576ee11c803ae5b665dd46aa",
  name: "Real-ESRGAN upscaler",
  description: "Upscale an image 2× or 4×, with optional face restoration.",
  kind: "image",
  tools: ["upscale"],
  params: defineParams({
    image: param.image({ label: "Image", required: true }),
    scale: param.select({
      label: "Scale",
      options: [
        { value: 2, label: "2×" },
        { value: 4, label: "4×" },
      ],
      default: 4,
    }),
    face_enhance: param.toggle({
      label: "Restore faces",
      default: false,
      help: "Runs GFPGAN on faces (photos only).",
    }),
  }),
  price: { unit: "image", credits: 2 },
  billableUnits: () => 1,
  maxDurationSeconds: minutes(10),
  enabled: true,
  toProviderInput: (input) => ({
    image: input.image,
    scale: input.scale,
    face_enhance: input.face_enhance,
  }),
});

export const backgroundRemover = defineModel({
  id: "background-remover",
  provider: "replicate",
  providerRef: "851-labs/background-remover:a029dff38972b5fda4ec5d75d7d1cd25aeff621d2cf4946a41055d7db66b80bc",
  name: "Background remover",
  description: "Cut out the subject: transparent PNG, or a white, green or blurred background.",
  kind: "image",
  tools: ["remove_background"],
  params: defineParams({
    image: param.image({ label: "Image", required: true }),
    background_type: param.select({
      label: "Background",
      options: [
        { value: "rgba", label: "Transparent" },
        { value: "white", label: "White" },
        { value: "green", label: "Green screen" },
        { value: "blur", label: "Blurred" },
      ],
      default: "rgba",
    }),
    threshold: param.number({
      label: "Hard edge threshold",
      min: 0,
      max: 1,
      step: 0.05,
      default: 0,
      slider: true,
      advanced: true,
      help: "0 keeps soft edges (alpha matting); higher values cut harder.",
    }),
  }),
  price: { unit: "image", credits: 1 },
  billableUnits: () => 1,
  maxDurationSeconds: minutes(5),
  enabled: true,
  toProviderInput: (input) => ({
    image: input.image,
    background_type: input.background_type,
    threshold: input.threshold,
    format: "png",
  }),
});

export const REPLICATE_MODELS = [
  fluxSchnell,
  flux11Pro,
  fluxKontextPro,
  realEsrgan,
  backgroundRemover,
] as const;
