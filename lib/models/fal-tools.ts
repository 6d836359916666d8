// fal.ai models behind the creative tools: inpaint, expand (canvas and per side), upscale,
// background removal, face restore and keyframes. Endpoint ids and input names as in the fal
// model pages (https://fal.ai/models/<endpoint>/llms.txt) and @fal-ai/client's endpoint types.
import { minutes, negativePrompt, numOutputs, outputFormat, prompt } from "./common";
import { compact, defineModel } from "./define";
import { defineParams, param } from "./params";

const MASK_HELP = "White is changed, black is kept; the image's size.";
const SAFETY = ["1", "2", "3", "4", "5", "6"] as const;

export const falFluxFill = defineModel({
  id: "fal-flux-pro-fill",
  provider: "fal",
  providerRef: "fal-ai/flux-pro/v1/fill",
  name: "FLUX.1 [pro] Fill (fal)",
  description: "Repaint the masked part of an image from a prompt; the rest stays as it was.",
  kind: "image",
  tools: ["inpaint"],
  params: defineParams({
    prompt: prompt("Prompt", "What to paint in the masked area."),
    image: param.image({ label: "Image", required: true }),
    mask: param.image({ label: "Mask", required: true, help: MASK_HELP }),
    num_outputs: numOutputs(4),
    output_format: outputFormat(["png", "jpeg"], "png"),
    seed: param.seed(),
  }),
  price: { unit: "image", credits: 5 },
  billableUnits: (input) => input.num_outputs,
  maxDurationSeconds: minutes(5),
  enabled: true,
  toProviderInput: (input) =>
    compact({
      prompt: input.prompt,
      image_url: input.image,
      mask_url: input.mask,
      num_images: input.num_outputs,
      output_format: input.output_format,
      safety_tolerance: SAFETY[1],
      seed: input.seed,
    }),
});

/** Bria's largest canvas: under 5000×5000 pixels in area (each side at most 5000 here). */
export const BRIA_MAX_SIDE = 5000;

export const falBriaExpand = defineModel({
  id: "fal-bria-expand",
  provider: "fal",
  providerRef: "fal-ai/bria/expand",
  name: "Bria Expand (fal)",
  description: "Grow the canvas around an image; you choose the canvas size and where the image sits.",
  kind: "image",
  tools: ["expand"],
  params: defineParams({
    image: param.image({ label: "Image", required: true }),
    prompt: param.text({
      label: "Prompt",
      maxLength: 2000,
      multiline: true,
      placeholder: "Optional: what the new area shows",
    }),
    canvas_width: param.integer({ label: "Canvas width", min: 64, max: BRIA_MAX_SIDE, default: 1344 }),
    canvas_height: param.integer({ label: "Canvas height", min: 64, max: BRIA_MAX_SIDE, default: 768 }),
    image_x: param.integer({ label: "Image left", min: 0, max: BRIA_MAX_SIDE, default: 0 }),
    image_y: param.integer({ label: "Image top", min: 0, max: BRIA_MAX_SIDE, default: 0 }),
    negative_prompt: negativePrompt(),
    seed: param.seed(),
  }),
  price: { unit: "image", credits: 4 },
  billableUnits: () => 1,
  maxDurationSeconds: minutes(5),
  enabled: true,
  toProviderInput: (input) =>
    compact({
      image_url: input.image,
      canvas_size: [input.canvas_width, input.canvas_height],
      original_image_location: [input.image_x, input.image_y],
      prompt: input.prompt,
      negative_prompt: input.negative_prompt,
      seed: input.seed,
    }),
});

const side = (label: string) => param.integer({ label, min: 0, max: 700, default: 0, slider: true });

export const falOutpaint = defineModel({
  id: "fal-outpaint",
  provider: "fal",
  providerRef: "fal-ai/image-apps-v2/outpaint",
  name: "Outpaint by side (fal)",
  description: "Add up to 700 pixels on any side of an image and let the model fill them.",
  kind: "image",
  tools: ["expand"],
  params: defineParams({
    image: param.image({ label: "Image", required: true }),
    prompt: param.text({ label: "Prompt", maxLength: 2000, multiline: true, placeholder: "Optional" }),
    expand_left: side("Left"),
    expand_right: side("Right"),
    expand_top: side("Top"),
    expand_bottom: side("Bottom"),
    output_format: outputFormat(["png", "jpeg", "webp"], "png"),
  }),
  price: { unit: "image", credits: 4 },
  billableUnits: () => 1,
  maxDurationSeconds: minutes(5),
  enabled: true,
  toProviderInput: (input) =>
    compact({
      image_url: input.image,
      prompt: input.prompt,
      expand_left: input.expand_left,
      expand_right: input.expand_right,
      expand_top: input.expand_top,
      expand_bottom: input.expand_bottom,
      // Without it fal also zooms out by 20%; the sides alone say what to add.
      zoom_out_percentage: 0,
      num_images: 1,
      output_format: input.output_format,
    }),
});

export const falClarityUpscaler = defineModel({
  id: "fal-clarity-upscaler",
  provider: "fal",
  providerRef: "fal-ai/clarity-upscaler",
  name: "Clarity upscaler (fal)",
  description: "Upscale 2× or 4× while adding fine detail; creativity sets how much it may invent.",
  kind: "image",
  tools: ["upscale"],
  imageLimits: { maxPixels: 4_194_304 },
  params: defineParams({
    image: param.image({ label: "Image", required: true }),
    scale: param.select({
      label: "Scale",
      options: [
        { value: 2, label: "2×" },
        { value: 4, label: "4×" },
      ],
      default: 2,
    }),
    creativity: param.number({
      label: "Creativity",
      min: 0,
      max: 1,
      step: 0.05,
      default: 0.35,
      slider: true,
    }),
    resemblance: param.number({
      label: "Resemblance",
      min: 0,
      max: 1,
      step: 0.05,
      default: 0.6,
      slider: true,
      advanced: true,
    }),
    seed: param.seed(),
  }),
  price: { unit: "image", credits: 3 },
  billableUnits: () => 1,
  maxDurationSeconds: minutes(10),
  enabled: true,
  toProviderInput: (input) =>
    compact({
      image_url: input.image,
      upscale_factor: input.scale,
      creativity: input.creativity,
      resemblance: input.resemblance,
      seed: input.seed,
    }),
});

export const falBirefnet = defineModel({
  id: "fal-birefnet",
  provider: "fal",
  providerRef: "fal-ai/birefnet/v2",
  name: "BiRefNet background removal (fal)",
  description: "Cut out the subject as a transparent PNG, with fine hair and edges.",
  kind: "image",
  tools: ["remove_background"],
  params: defineParams({
    image: param.image({ label: "Image", required: true }),
    model: param.select({
      label: "Subject",
      options: [
        { value: "General Use (Light)", label: "General" },
        { value: "General Use (Heavy)", label: "General, most detail" },
        { value: "Portrait", label: "Portrait" },
        { value: "Matting", label: "Hair and soft edges" },
      ],
      default: "General Use (Light)",
    }),
    refine_foreground: param.toggle({ label: "Refine edges", default: true, advanced: true }),
  }),
  price: { unit: "image", credits: 1 },
  billableUnits: () => 1,
  maxDurationSeconds: minutes(5),
  enabled: true,
  toProviderInput: (input) => ({
    image_url: input.image,
    model: input.model,
    refine_foreground: input.refine_foreground,
    output_format: "png",
  }),
});

export const falCodeformer = defineModel({
  id: "fal-codeformer",
  provider: "fal",
  providerRef: "fal-ai/codeformer",
  name: "CodeFormer face restore (fal)",
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
    seed: param.seed(),
  }),
  price: { unit: "image", credits: 1 },
  billableUnits: () => 1,
  maxDurationSeconds: minutes(5),
  enabled: true,
  toProviderInput: (input) =>
    compact({
      image_url: input.image,
      fidelity: input.fidelity,
      // Restore only: the same size out as in.
      upscale_factor: 1,
      face_upscale: false,
      seed: input.seed,
    }),
});

export const falVeoKeyframes = defineModel({
  id: "fal-veo-3-1-keyframes",
  provider: "fal",
  providerRef: "fal-ai/veo3.1/first-last-frame-to-video",
  name: "Veo 3.1 keyframes (fal)",
  description: "Google's Veo 3.1: a clip that starts on one image and ends on another.",
  kind: "video",
  tools: ["keyframes"],
  params: defineParams({
    prompt: prompt("Prompt", "Describe the motion from the first frame to the last."),
    first_frame: param.image({ label: "First frame", required: true }),
    last_frame: param.image({ label: "Last frame", required: true }),
    duration_seconds: param.select({
      label: "Duration",
      options: [
        { value: 4, label: "4 s" },
        { value: 6, label: "6 s" },
        { value: 8, label: "8 s" },
      ],
      default: 8,
    }),
    aspect_ratio: param.select({
      label: "Aspect ratio",
      options: [{ value: "auto", label: "Match frames" }, "16:9", "9:16"],
      default: "auto",
    }),
    resolution: param.select({ label: "Resolution", options: ["720p", "1080p"], default: "720p" }),
    generate_audio: param.toggle({ label: "Sound", default: true }),
    negative_prompt: negativePrompt(),
    seed: param.seed(),
  }),
  price: { unit: "second", credits: 20 },
  billableUnits: (input) => input.duration_seconds,
  maxDurationSeconds: minutes(20),
  enabled: true,
  toProviderInput: (input) =>
    compact({
      prompt: input.prompt,
      first_frame_url: input.first_frame,
      last_frame_url: input.last_frame,
      duration: `${input.duration_seconds}s`,
      aspect_ratio: input.aspect_ratio,
      resolution: input.resolution,
      generate_audio: input.generate_audio,
      negative_prompt: input.negative_prompt,
      seed: input.seed,
    }),
});

export const FAL_TOOL_MODELS = [
  falFluxFill,
  falBriaExpand,
  falOutpaint,
  falClarityUpscaler,
  falBirefnet,
  falCodeformer,
  falVeoKeyframes,
] as const;
