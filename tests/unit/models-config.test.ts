import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getModel, MODELS, type ModelDefinition, promptOf, validateModelInput } from "@/lib/models-config";
import { IMAGE_URL, minimalInput, PROMPT } from "./models-helpers";

const byModel = MODELS.map((model) => [model.id, model] as const);

const IMAGE_TOOLS = ["generate", "edit", "inpaint", "expand", "upscale", "remove_background", "face_restore"];
const VIDEO_TOOLS = ["generate", "image_to_video", "keyframes"];

const PROVIDER_REF_SHAPES: Record<ModelDefinition["provider"], RegExp> = {
  // owner/name, optionally pinned to a 64-hex version
  replicate: /^[a-z0-9][a-z0-9_.-]*\/[a-z0-9][a-z0-9_.-]*(:[0-9a-f]{64})?$/,
  // fal endpoint ids: owner/app plus optional sub-path, e.g. fal-ai/kling-video/v2.5-turbo/pro/text-to-video
  fal: /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9.-]*(\/[a-z0-9][a-z0-9.-]*)*$/,
  google: /^(gemini|veo)-[0-9][a-z0-9.-]*[a-z0-9]$/,
};

describe("catalog shape", () => {
  it("has the required models across all three providers", () => {
    const refs = MODELS.map((m) => `${m.provider}:${m.providerRef.split(":")[0]}`);
    expect(refs).toEqual(
      expect.arrayContaining([
        "replicate:black-forest-labs/flux-schnell",
        "replicate:black-forest-labs/flux-1.1-pro",
        "replicate:black-forest-labs/flux-kontext-pro",
        "replicate:nightmareai/real-esrgan",
        "replicate:851-labs/background-remover",
        "fal:fal-ai/flux/dev",
        "fal:fal-ai/nano-banana-2/edit",
        "google:gemini-3.1-flash-image",
        "replicate:google/veo-3.1-fast",
      ]),
    );
    const falVideo = MODELS.filter((m) => m.provider === "fal" && m.kind === "video");
    expect(falVideo.some((m) => m.tools.includes("image_to_video"))).toBe(true);
    expect(falVideo.some((m) => m.tools.includes("generate"))).toBe(true);
  });

  it("has unique kebab-case ids", () => {
    const ids = MODELS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("finds models by id", () => {
    for (const model of MODELS) expect(getModel(model.id)).toBe(model);
    expect(getModel("no-such-model")).toBeUndefined();
  });

  it.each(byModel)("%s: provider ref has the provider's shape", (_, model) => {
    expect(model.providerRef).toMatch(PROVIDER_REF_SHAPES[model.provider]);
    if (model.provider === "google")
      expect(model.providerRef.startsWith(model.kind === "video" ? "veo-" : "gemini-")).toBe(true);
  });

  it("pins community Replicate models to a version (official models run by name)", () => {
    for (const model of MODELS.filter((m) => m.provider === "replicate")) {
      const official = /^(black-forest-labs|google)\//.test(model.providerRef);
      expect(model.providerRef.includes(":"), model.id).toBe(!official);
    }
  });

  it.each(byModel)("%s: kind, tools, price and timeout are consistent", (_, model) => {
    const allowed = model.kind === "image" ? IMAGE_TOOLS : VIDEO_TOOLS;
    expect(model.tools.length).toBeGreaterThan(0);
    for (const tool of model.tools) expect(allowed).toContain(tool);
    expect(Number.isInteger(model.price.credits) && model.price.credits > 0).toBe(true);
    if (model.kind === "video") expect(model.price.unit).toBe("second");
    expect(Number.isInteger(model.maxDurationSeconds) && model.maxDurationSeconds >= 60).toBe(true);
    expect(model.name.length).toBeGreaterThan(0);
    expect(model.description.length).toBeGreaterThan(0);
    expect(model.inputSchema).toBeInstanceOf(z.ZodObject);
  });

  it.each(byModel)("%s: edit models declare reference images and an image field", (_, model) => {
    if (!model.tools.includes("edit")) return;
    expect(model.maxReferenceImages).toBeGreaterThanOrEqual(1);
    const imageParams = model.params.filter((p) => p.control === "image" || p.control === "images");
    expect(imageParams.length).toBeGreaterThan(0);
    const imagesParam = model.params.find((p) => p.control === "images");
    if (imagesParam) expect(imagesParam.max).toBe(model.maxReferenceImages);
  });

  it.each(byModel)("%s: params and schema describe the same fields", (_, model) => {
    const shape = (model.inputSchema as unknown as z.ZodObject).shape;
    expect(model.params.map((p) => p.name).sort()).toEqual(Object.keys(shape).sort());
  });
});

describe("validateModelInput", () => {
  it.each(byModel)("%s: accepts its defaults", (_, model) => {
    const result = validateModelInput(model, minimalInput(model));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    for (const p of model.params)
      if (p.default !== undefined) expect(result.input[p.name]).toEqual(p.default);
  });

  it.each(byModel)("%s: accepts its defaults given explicitly", (_, model) => {
    const explicit = { ...minimalInput(model) };
    for (const p of model.params) if (p.default !== undefined) explicit[p.name] = p.default;
    expect(validateModelInput(model, explicit)).toMatchObject({ ok: true });
  });

  it.each(byModel)("%s: bills a positive whole number of units for its defaults", (_, model) => {
    const units = model.billableUnits(minimalInput(model));
    expect(Number.isInteger(units) && units > 0).toBe(true);
  });

  const outOfRange = MODELS.flatMap((model) =>
    model.params.flatMap((p) => {
      const cases: [string, string, unknown, string][] = [];
      const base = `${model.id}.${p.name}`;
      if (p.max !== undefined && (p.type === "number" || p.type === "integer")) {
        const step = p.step ?? 1;
        cases.push([base, "above max", p.max + step, `${p.name}: must be at most ${p.max}`]);
        cases.push([base, "below min", (p.min ?? 0) - step, `${p.name}: must be at least ${p.min}`]);
      }
      if (p.type === "integer")
        cases.push([base, "fraction", (p.min ?? 0) + 0.5, `${p.name}: must be a whole number`]);
      if (p.type === "enum") cases.push([base, "unknown option", "__nope__", `${p.name}: must be one of: `]);
      if (p.type === "boolean")
        cases.push([base, "not a boolean", "yes", `${p.name}: must be true or false`]);
      if (p.type === "string" && p.maxLength !== undefined)
        cases.push([
          base,
          "too long",
          "x".repeat(p.maxLength + 1),
          `${p.name}: must be at most ${p.maxLength} characters`,
        ]);
      if (p.type === "image")
        cases.push([
          base,
          "not a URL",
          "file:///etc/passwd",
          `${p.name}: must be an http(s) URL or an asset id`,
        ]);
      if (p.type === "images" && p.max !== undefined) {
        const tooMany = Array.from({ length: p.max + 1 }, (_, i) => `${IMAGE_URL}?n=${i}`);
        cases.push([base, "too many images", tooMany, `${p.name}: must have at most ${p.max}`]);
        cases.push([
          base,
          "bad URL in list",
          ["javascript:alert(1)"],
          `${p.name}.0: must be an http(s) URL or an asset id`,
        ]);
      }
      return cases.map(([name, what, value, message]) => ({
        name,
        what,
        model,
        field: p.name,
        value,
        message,
      }));
    }),
  );

  it.each(outOfRange)("$name: rejects $what", ({ model, field, value, message }) => {
    const result = validateModelInput(model, { ...minimalInput(model), [field]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.startsWith(message), `${result.error} vs ${message}`).toBe(true);
  });

  it.each(byModel)("%s: names missing required fields", (_, model) => {
    for (const p of model.params.filter((q) => q.required)) {
      const input = minimalInput(model);
      delete input[p.name];
      const result = validateModelInput(model, input);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error).toMatch(new RegExp(`^${p.name}: (is required|must have at least)`));
    }
  });

  it("rejects a blank prompt after trimming", () => {
    const model = getModel("flux-schnell")!;
    expect(validateModelInput(model, { prompt: "   " })).toEqual({ ok: false, error: "prompt: is required" });
  });

  it("gives the example error for too many outputs", () => {
    const model = getModel("flux-schnell")!;
    expect(validateModelInput(model, { prompt: PROMPT, num_outputs: 5 })).toEqual({
      ok: false,
      error: "num_outputs: must be at most 4",
    });
  });

  it("rejects unknown fields and non-objects", () => {
    const model = getModel("flux-schnell")!;
    expect(validateModelInput(model, { prompt: PROMPT, steps_typo: 3 })).toEqual({
      ok: false,
      error: "steps_typo: is not a parameter of this model",
    });
    expect(validateModelInput(model, "prompt")).toEqual({ ok: false, error: "input: must be an object" });
    expect(validateModelInput(model, [PROMPT])).toEqual({ ok: false, error: "input: must be an object" });
    expect(validateModelInput(model, null)).toEqual({ ok: false, error: "input: must be an object" });
  });

  it("treats null as not given and trims text", () => {
    const model = getModel("flux-schnell")!;
    const result = validateModelInput(model, { prompt: `  ${PROMPT}  `, seed: null });
    expect(result).toEqual({ ok: true, input: expect.objectContaining({ prompt: PROMPT, num_outputs: 1 }) });
    if (result.ok) expect("seed" in result.input).toBe(false);
  });

  it("rejects wrong types with the field name", () => {
    const model = getModel("flux-schnell")!;
    expect(validateModelInput(model, { prompt: PROMPT, num_outputs: "2" })).toEqual({
      ok: false,
      error: "num_outputs: must be a whole number",
    });
    expect(validateModelInput(model, { prompt: 42 })).toEqual({ ok: false, error: "prompt: must be text" });
  });

  it("applies cross-field rules (Veo)", () => {
    const veo = getModel("veo-3-1-fast")!;
    expect(validateModelInput(veo, { prompt: PROMPT, last_frame: IMAGE_URL })).toEqual({
      ok: false,
      error: "last_frame: needs a first frame (first_frame)",
    });
    expect(validateModelInput(veo, { prompt: PROMPT, resolution: "1080p", duration_seconds: 4 })).toEqual({
      ok: false,
      error: "resolution: 1080p needs duration_seconds 8",
    });
    expect(validateModelInput(veo, { prompt: PROMPT, resolution: "1080p", duration_seconds: 8 }).ok).toBe(
      true,
    );
  });
});

describe("promptOf", () => {
  it("returns the trimmed prompt, or null when there is none", () => {
    expect(promptOf({ prompt: "  hello " })).toBe("hello");
    expect(promptOf({ prompt: "" })).toBeNull();
    expect(promptOf({ image: IMAGE_URL })).toBeNull();
    const upscale = validateModelInput(getModel("real-esrgan")!, { image: IMAGE_URL });
    expect(upscale.ok && promptOf(upscale.input)).toBeNull();
  });
});
