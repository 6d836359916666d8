// toProviderInput: our names in, the provider's real input names out (see lib/models/* for sources).
import { describe, expect, it } from "vitest";
import { getModel, MODELS, validateModelInput } from "@/lib/models-config";
import { IMAGE_URL, minimalInput, PROMPT } from "./models-helpers";

function providerInput(id: string, raw: Record<string, unknown>) {
  const model = getModel(id);
  if (!model) throw new Error(`unknown model ${id}`);
  const result = validateModelInput(model, raw);
  if (!result.ok) throw new Error(result.error);
  return model.toProviderInput(result.input) as Record<string, unknown>;
}

function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.some(hasUndefined);
  if (value && typeof value === "object") return Object.values(value).some(hasUndefined);
  return false;
}

describe("toProviderInput", () => {
  it.each(MODELS.map((m) => [m.id, m] as const))("%s: is plain JSON without undefined", (_, model) => {
    const out = model.toProviderInput(minimalInput(model));
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
    expect(hasUndefined(out)).toBe(false);
  });

  it("Replicate flux-schnell uses num_outputs, aspect_ratio, output_format", () => {
    expect(providerInput("flux-schnell", { prompt: PROMPT, num_outputs: 3, aspect_ratio: "16:9" })).toEqual({
      prompt: PROMPT,
      aspect_ratio: "16:9",
      num_outputs: 3,
      num_inference_steps: 4,
      output_format: "webp",
      output_quality: 90,
    });
    expect(providerInput("flux-schnell", { prompt: PROMPT, seed: 42 })).toMatchObject({ seed: 42 });
  });

  it("Replicate flux-1.1-pro sends one image with its safety and upsampling fields", () => {
    expect(providerInput("flux-1-1-pro", { prompt: PROMPT })).toEqual({
      prompt: PROMPT,
      aspect_ratio: "1:1",
      prompt_upsampling: false,
      safety_tolerance: 2,
      output_format: "webp",
      output_quality: 90,
    });
  });

  it("Replicate flux-kontext-pro takes the image as input_image", () => {
    expect(providerInput("flux-kontext-pro", { prompt: PROMPT, image: IMAGE_URL })).toMatchObject({
      prompt: PROMPT,
      input_image: IMAGE_URL,
      aspect_ratio: "match_input_image",
    });
  });

  it("Replicate real-esrgan and background-remover take `image`", () => {
    expect(providerInput("real-esrgan", { image: IMAGE_URL, scale: 2 })).toEqual({
      image: IMAGE_URL,
      scale: 2,
      face_enhance: false,
    });
    expect(providerInput("background-remover", { image: IMAGE_URL })).toEqual({
      image: IMAGE_URL,
      background_type: "rgba",
      threshold: 0,
      format: "png",
    });
  });

  it("fal flux/dev uses image_size presets and num_images", () => {
    expect(providerInput("fal-flux-dev", { prompt: PROMPT, aspect_ratio: "9:16", num_outputs: 2 })).toEqual({
      prompt: PROMPT,
      image_size: "portrait_16_9",
      num_images: 2,
      num_inference_steps: 28,
      guidance_scale: 3.5,
      output_format: "jpeg",
      enable_safety_checker: true,
    });
  });

  it("fal nano-banana/edit sends the reference images as image_urls, and num_images", () => {
    const urls = [IMAGE_URL, `${IMAGE_URL}?2`];
    expect(providerInput("fal-nano-banana-edit", { prompt: PROMPT, reference_images: urls })).toMatchObject({
      prompt: PROMPT,
      image_urls: urls,
      num_images: 1,
      aspect_ratio: "auto",
    });
  });

  it("fal Kling sends duration as a string enum, the first frame as image_url and the last as tail_image_url", () => {
    expect(
      providerInput("kling-2-5-turbo-i2v", {
        prompt: PROMPT,
        first_frame: IMAGE_URL,
        last_frame: `${IMAGE_URL}?end`,
        duration_seconds: 10,
      }),
    ).toEqual({
      prompt: PROMPT,
      image_url: IMAGE_URL,
      tail_image_url: `${IMAGE_URL}?end`,
      duration: "10",
      negative_prompt: "blur, distort, and low quality",
      cfg_scale: 0.5,
    });
    expect(providerInput("kling-2-5-turbo-t2v", { prompt: PROMPT })).toMatchObject({
      aspect_ratio: "16:9",
      duration: "5",
    });
  });

  it("Gemini image builds generateContent contents with reference images", () => {
    expect(
      providerInput("gemini-2-5-flash-image", { prompt: PROMPT, reference_images: [IMAGE_URL] }),
    ).toEqual({
      method: "generateContent",
      contents: [{ role: "user", parts: [{ text: PROMPT }, { imageUrl: IMAGE_URL }] }],
      config: { responseModalities: ["TEXT", "IMAGE"] },
    });
    expect(providerInput("gemini-2-5-flash-image", { prompt: PROMPT, aspect_ratio: "16:9" })).toMatchObject({
      config: { imageConfig: { aspectRatio: "16:9" } },
    });
  });

  it("Veo (on Replicate) takes the first and last frame as image and last_frame", () => {
    expect(
      providerInput("veo-3-1-fast", {
        prompt: PROMPT,
        first_frame: IMAGE_URL,
        last_frame: `${IMAGE_URL}?end`,
      }),
    ).toEqual({
      prompt: PROMPT,
      image: IMAGE_URL,
      last_frame: `${IMAGE_URL}?end`,
      aspect_ratio: "16:9",
      duration: 8,
      resolution: "720p",
      generate_audio: true,
    });
  });

  it("fills defaults from raw stored input and refuses invalid input", () => {
    const model = getModel("flux-schnell")!;
    expect(model.toProviderInput({ prompt: PROMPT })).toMatchObject({ num_outputs: 1, aspect_ratio: "1:1" });
    expect(() => model.toProviderInput({ prompt: PROMPT, num_outputs: 9 })).toThrow();
  });
});

describe("billableUnits", () => {
  it("counts images, megapixels and seconds", () => {
    expect(getModel("flux-schnell")!.billableUnits({ prompt: PROMPT, num_outputs: 3 })).toBe(3);
    expect(getModel("fal-flux-dev")!.billableUnits({ prompt: PROMPT, num_outputs: 2 })).toBe(2);
    expect(getModel("kling-2-5-turbo-t2v")!.billableUnits({ prompt: PROMPT, duration_seconds: 10 })).toBe(10);
    expect(getModel("veo-3-1-fast")!.billableUnits({ prompt: PROMPT, duration_seconds: 6 })).toBe(6);
  });
});
