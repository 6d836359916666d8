import { describe, expect, it } from "vitest";
import { getModel, MODELS, validateModelInput } from "@/lib/models-config";
import { getModelLimits, MODEL_LIMITS } from "@/lib/models-limits";
import { IMAGE_URL, minimalInput } from "./models-helpers";

describe("model limits", () => {
  it.each(MODELS.map((m) => [m.id, m] as const))("%s: has sane limits", (id, model) => {
    const limits = getModelLimits(id);
    expect(limits).toBeDefined();
    if (!limits) return;
    expect(limits.maxOutputs).toBeGreaterThanOrEqual(1);
    expect(limits.hourlyRateLimit).toBeGreaterThan(0);
    expect(limits.dailyCap).toBeGreaterThanOrEqual(limits.hourlyRateLimit);
    expect(limits.maxInputImages).toBeGreaterThanOrEqual(limits.maxReferenceImages);
    if (model.kind === "video") expect(limits.maxVideoSeconds).toBeGreaterThan(0);
    else expect(limits.maxVideoSeconds).toBeNull();
  });

  it("reads output counts, reference images and durations from the catalog", () => {
    expect(getModelLimits("flux-schnell")).toMatchObject({
      maxOutputs: 4,
      maxReferenceImages: 0,
      maxInputImages: 0,
    });
    expect(getModelLimits("flux-1-1-pro")).toMatchObject({ maxOutputs: 1 });
    expect(getModelLimits("gemini-2-5-flash-image")).toMatchObject({
      maxReferenceImages: 3,
      maxInputImages: 3,
    });
    expect(getModelLimits("kling-2-5-turbo-i2v")).toMatchObject({ maxVideoSeconds: 10, maxInputImages: 2 });
    expect(getModelLimits("veo-3-1-fast")).toMatchObject({ maxVideoSeconds: 8 });
  });

  it("agrees with validation at the boundary", () => {
    for (const model of MODELS) {
      const limits = getModelLimits(model.id)!;
      const hasCount = model.params.some((p) => p.name === "num_outputs");
      if (!hasCount) continue;
      const at = { ...minimalInput(model), num_outputs: limits.maxOutputs };
      const over = { ...minimalInput(model), num_outputs: limits.maxOutputs + 1 };
      expect(validateModelInput(model, at).ok, model.id).toBe(true);
      expect(validateModelInput(model, over).ok, model.id).toBe(false);
    }
    const gemini = getModel("gemini-2-5-flash-image")!;
    const refs = (n: number) => Array.from({ length: n }, (_, i) => `${IMAGE_URL}?${i}`);
    const max = getModelLimits(gemini.id)!.maxReferenceImages;
    expect(validateModelInput(gemini, { prompt: "x", reference_images: refs(max) }).ok).toBe(true);
    expect(validateModelInput(gemini, { prompt: "x", reference_images: refs(max + 1) }).ok).toBe(false);
  });

  it("returns undefined for unknown models and is frozen", () => {
    expect(getModelLimits("no-such-model")).toBeUndefined();
    expect(Object.isFrozen(MODEL_LIMITS)).toBe(true);
    expect(Object.isFrozen(MODEL_LIMITS["flux-schnell"])).toBe(true);
  });
});
