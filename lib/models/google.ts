// Google models on the Gemini API (never Imagen: shut down, see PROTOCOLS.md §0.1).
// Gemini image: `generateContent` with responseModalities IMAGE (PROTOCOLS.md §3.2, @google/genai
// ImageConfig). Veo: `generateVideos` / predictLongRunning (§3.4); on the Gemini API the SDK rejects
// seed, fps and generateAudio, so they are not offered. Reference images travel as RemoteImage and
// the adapter inlines their bytes.
import { minutes, negativePrompt, prompt } from "./common";
import { compact, defineModel } from "./define";
import { defineParams, param } from "./params";
import type { GeminiPart } from "./types";

export const geminiFlashImage = defineModel({
  id: "gemini-2-5-flash-image",
  provider: "google",
  providerRef: "gemini-2.5-flash-image",
  name: "Gemini 2.5 Flash Image (Nano Banana)",
  description: "Google's image model: generate from text, or edit and combine up to 3 reference images.",
  kind: "image",
  capabilities: ["text-to-image", "image-edit"],
  maxReferenceImages: 3,
  params: defineParams({
    prompt: prompt("Prompt", "Describe the image, or the change to make to the reference images."),
    image_urls: param.images({
      label: "Reference images",
      min: 0,
      max: 3,
      help: "Optional: images to edit or combine.",
    }),
    aspect_ratio: param.select({
      label: "Aspect ratio",
      options: [
        { value: "auto", label: "Auto" },
        ...["1:1", "2:3", "3:2", "3:4", "4:3", "9:16", "16:9", "21:9"].map((value) => ({
          value,
          label: value,
        })),
      ],
      default: "auto",
      help: "Auto follows the reference image, or square without one.",
    }),
  }),
  price: { unit: "image", credits: 5 },
  billableUnits: () => 1,
  maxDurationSeconds: minutes(3),
  enabled: true,
  toProviderInput: (input) => {
    const parts: GeminiPart[] = [
      { text: input.prompt },
      ...input.image_urls.map((imageUrl) => ({ imageUrl })),
    ];
    return {
      method: "generateContent",
      contents: [{ role: "user", parts }],
      config: {
        responseModalities: ["TEXT", "IMAGE"],
        ...(input.aspect_ratio !== "auto" && { imageConfig: { aspectRatio: input.aspect_ratio } }),
      },
    };
  },
});

export const veoFast = defineModel({
  id: "veo-3-1-fast",
  provider: "google",
  providerRef: "veo-3.1-fast-generate-preview",
  name: "Veo 3.1 Fast",
  description:
    "Google's video model with native audio: from text, from a first frame, or between two keyframes.",
  kind: "video",
  capabilities: ["text-to-video", "image-to-video", "first-last-frame"],
  params: defineParams(
    {
      prompt: prompt("Prompt", "Describe the scene, motion, camera and sound."),
      image_url: param.image({ label: "First frame", help: "Optional: start the clip from this image." }),
      last_frame_url: param.image({ label: "Last frame", help: "Optional, needs a first frame." }),
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
      negative_prompt: negativePrompt(),
    },
    [
      (input) =>
        input.last_frame_url !== undefined && input.image_url === undefined
          ? { field: "last_frame_url", message: "needs a first frame (image_url)" }
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
  toProviderInput: (input) => ({
    method: "generateVideos",
    prompt: input.prompt,
    ...(input.image_url !== undefined && { image: { imageUrl: input.image_url } }),
    config: compact({
      numberOfVideos: 1,
      durationSeconds: input.duration_seconds,
      aspectRatio: input.aspect_ratio,
      resolution: input.resolution,
      negativePrompt: input.negative_prompt,
      lastFrame: input.last_frame_url === undefined ? undefined : { imageUrl: input.last_frame_url },
    }),
  }),
});

export const GOOGLE_MODELS = [geminiFlashImage, veoFast] as const;
