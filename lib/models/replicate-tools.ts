// Replicate models behind the creative tools: inpaint (FLUX Fill [pro], run by name as an
// official model) and face restore (CodeFormer, pinned to a version). Input names as on each
// model's API page (https://replicate.com/<owner>/<name>/api).
import { minutes, outputFormat, prompt } from "./common";
import { compact, defineModel } from "./define";
import { defineParams, param } from "./params";

export const fluxFillPro = defineModel({
  id: "flux-fill-pro",
  provider: "replicate",
  providerRef: "black-forest-labs/flux-fill-pro",
  name: "FLUX.1 Fill [pro]",
  description: "Repaint the masked part of an image from a prompt; the rest stays as it was.",
  kind: "image",
  tools: ["inpaint"],
  params: defineParams({
    prompt: prompt("Prompt", "What to paint in the masked area."),
    image: param.image({ label: "Image", required: true }),
    mask: param.image({
      label: "Mask",
      required: true,
      help: "White is changed, black is kept; the image's size.",
    }),
    steps: param.integer({ label: "Steps", min: 15, max: 50, default: 50, slider: true, advanced: true }),
    guidance: param.number({
      label: "Guidance",
      min: 1.5,
      max: 100,
      step: 0.5,
      default: 60,
      slider: true,
      advanced: true,
      help: "How closely to follow the prompt.",
    }),
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
      image: input.image,
      mask: input.mask,
      steps: input.steps,
      guidance: input.guidance,
      output_format: input.output_format,
      seed: input.seed,
    }),
});

export const codeformer = defineModel({
  id: "codeformer",
  provider: "replicate",
  providerRef: "sczhou/codeformer:7de2ea26c616d5bf2245ad0d5e24f0ff9a6204578a5c876db53142edd9d2cd56",
  name: "CodeFormer face restore",
  description: "Restore blurred or damaged faces; the picture keeps its size.",
  kind: "image",
  tools: ["face_restore"],
  imageLimits: { maxPixels: 4_194_304 },
  params: defineParams({
    image: param.image({ label: "Image", required: true }),
    fidelity: param.number({
      label: "Fidelity",
      min: 0,
      max: 1,
      step: 0.05,
      default: 0.5,
      slider: true,
      help: "Higher stays closer to the original face; lower restores more.",
    }),
    background_enhance: param.toggle({ label: "Enhance the background too", default: false }),
  }),
  price: { unit: "image", credits: 1 },
  billableUnits: () => 1,
  maxDurationSeconds: minutes(5),
  enabled: true,
  toProviderInput: (input) => ({
    image: input.image,
    codeformer_fidelity: input.fidelity,
    background_enhance: input.background_enhance,
    // Restore only: the same size out as in.
    upscale: 1,
    face_upsample: false,
  }),
});

export const REPLICATE_TOOL_MODELS = [fluxFillPro, codeformer] as const;
