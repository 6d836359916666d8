// Video models on Replicate. Veo 3.1 Fast moved here when the Gemini API stopped serving Veo
// (its previews shut down on 2026-10-22; Google's replacement there is a different API). Google
// runs the same model for Replicate, with the same controls: first frame, last frame, 4/6/8 s,
// 720p or 1080p, and native audio. Input names: https://replicate.com/google/veo-3.1-fast/api
import { minutes, negativePrompt, prompt } from "./common";
import { compact, defineModel } from "./define";
import { defineParams, param } from "./params";

export const veoFast = defineModel({
  // The id is older than the move; generations and admin overrides refer to it.
  id: "veo-3-1-fast",
  provider: "replicate",
  providerRef: "google/veo-3.1-fast",
  name: "Veo 3.1 Fast",
  description:
    "Google's video model with native audio: from text, from a first frame, or between two keyframes.",
  kind: "video",
  tools: ["generate", "image_to_video", "keyframes"],
  params: defineParams(
    {
      prompt: prompt("Prompt", "Describe the scene, motion, camera and sound."),
      first_frame: param.image({ label: "First frame", help: "Optional: start the clip from this image." }),
      last_frame: param.image({ label: "Last frame", help: "Optional, needs a first frame." }),
      aspect_ratio: param.select({ label: "Aspect ratio", options: ["16:9", "9:16"], default: "16:9" }),
      duration_seconds: param.select({
        label: "Duration",
        options: [
          { value: 4, label: "4 s" },
          { value: 6, label: "6 s" },
          { value: 8, label: "8 s" },
        ],
        default: 8,
      }),
      resolution: param.select({
        label: "Resolution",
        options: ["720p", "1080p"],
        default: "720p",
        help: "1080p needs an 8 second clip.",
      }),
      generate_audio: param.toggle({
        label: "Sound",
        default: true,
        help: "Dialogue, effects and ambience.",
      }),
      negative_prompt: negativePrompt(),
      seed: param.seed(),
    },
    [
      (input) =>
        input.last_frame !== undefined && input.first_frame === undefined
          ? { field: "last_frame", message: "needs a first frame (first_frame)" }
          : undefined,
      (input) =>
        input.resolution === "1080p" && input.duration_seconds !== 8
          ? { field: "resolution", message: "1080p needs duration_seconds 8" }
          : undefined,
    ],
  ),
  price: { unit: "second", credits: 15 },
  billableUnits: (input) => input.duration_seconds,
  maxDurationSeconds: minutes(20),
  enabled: true,
  toProviderInput: (input) =>
    compact({
      prompt: input.prompt,
      image: input.first_frame,
      last_frame: input.last_frame,
      aspect_ratio: input.aspect_ratio,
      duration: input.duration_seconds,
      resolution: input.resolution,
      generate_audio: input.generate_audio,
      negative_prompt: input.negative_prompt,
      seed: input.seed,
    }),
});

export const REPLICATE_VIDEO_MODELS = [veoFast] as const;
