// Google models on the Gemini API (never Imagen, which Google shut down).
// Gemini image: `generateContent` with responseModalities IMAGE (docs/protocols.md §3.2, @google/genai
// ImageConfig), a `v1beta` feature. Reference images travel as RemoteImage and the adapter inlines
// their bytes. Veo is no longer served by the Gemini API (its previews shut down on 2026-10-22);
// the catalog's Veo model runs on Replicate (lib/models/replicate-video.ts).
import { minutes, prompt } from "./common";
import { defineModel } from "./define";
import { defineParams, param } from "./params";
import type { GeminiPart } from "./types";

export const geminiFlashImage = defineModel({
  // The id predates the move from gemini-2.5-flash-image (shut down 2026-10-02); generations and
  // admin overrides refer to it, so it stays.
  id: "gemini-2-5-flash-image",
  provider: "google",
  providerRef: "gemini-3.1-flash-image",
  name: "Gemini 3.1 Flash Image (Nano Banana 2)",
  description: "Google's image model: generate from text, or edit and combine up to 3 reference images.",
  kind: "image",
  tools: ["generate", "edit"],
  maxReferenceImages: 3,
  params: defineParams({
    prompt: prompt("Prompt", "Describe the image, or the change to make to the reference images."),
    reference_images: param.images({
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
      ...input.reference_images.map((imageUrl) => ({ imageUrl })),
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

export const GOOGLE_MODELS = [geminiFlashImage] as const;
