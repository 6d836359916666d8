// The catalog against what the providers serve (lib/models/provider-models.ts): every model
// names an id its provider lists, was checked on a recorded date, and every value our parameters
// allow maps to input the provider's published schema accepts.
import { describe, expect, it } from "vitest";
import { PROVIDER_MODELS, retiredModel, servedModel } from "@/lib/models/provider-models";
import { MODELS, type ModelDefinition, type ParamDescriptor } from "@/lib/models-config";
import { GEMINI_API_VERSION } from "@/lib/providers/google/adapter";
import { validateInput } from "@/scripts/emulator/validate";
import { IMAGE_URL, minimalInput, sampleValue } from "./models-helpers";

const byModel = MODELS.map((model) => [model.id, model] as const);

/** One input per allowed value of every select and toggle, and the ends of every range. */
function inputsOf(model: ModelDefinition): Record<string, unknown>[] {
  const base = minimalInput(model);
  const variants: Record<string, unknown>[] = [base];
  const full = { ...base };
  for (const p of model.params) {
    for (const value of valuesOf(p)) variants.push({ ...base, [p.name]: value });
    full[p.name] = sampleValue(p);
  }
  variants.push(full);
  // Keep only inputs the catalog itself accepts (cross-field rules such as 1080p ⇒ 8 s).
  return variants.filter((input) => model.inputSchema.safeParse(input).success);
}

function valuesOf(p: ParamDescriptor): unknown[] {
  if (p.options) return p.options.map((o) => o.value);
  if (p.type === "boolean") return [true, false];
  if (p.control === "images") return [Array.from({ length: p.max ?? 1 }, (_, i) => `${IMAGE_URL}?n=${i}`)];
  if (p.control === "image") return [IMAGE_URL];
  if (p.type === "string") return ["some text"];
  return [p.min, p.max].filter((v) => v !== undefined);
}

/** The body the provider receives: Replicate `input`, fal's body, Gemini's generateContent body. */
function wireBody(model: ModelDefinition, input: Record<string, unknown>): unknown {
  if (model.provider !== "google") return model.toProviderInput(input);
  const request = model.toProviderInput(input);
  const parts = request.contents[0]!.parts.map((part) =>
    "text" in part ? part : { inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } },
  );
  return { contents: [{ role: "user", parts }], generationConfig: request.config };
}

describe("the catalog against the providers' model lists", () => {
  it.each(byModel)("%s: names a model its provider serves, checked on a recorded date", (_, model) => {
    expect(retiredModel(model.provider, model.providerRef), "retired").toBeUndefined();
    const served = servedModel(model.provider, model.providerRef);
    expect(served, `${model.provider} does not list ${model.providerRef}`).toBeDefined();
    expect(model.verified).toEqual(served?.verified);
    expect(model.verified?.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(model.verified?.source).toMatch(/^https:\/\//);
  });

  it.each(byModel)("%s: every input our parameters allow is valid for the provider's schema", (_, model) => {
    const served = servedModel(model.provider, model.providerRef);
    if (!served) throw new Error(`${model.providerRef} is not served`);
    const inputs = inputsOf(model);
    expect(inputs.length).toBeGreaterThan(1);
    for (const input of inputs) {
      expect(validateInput(wireBody(model, input), served.input), JSON.stringify(input)).toEqual([]);
    }
  });

  it("calls Gemini on the API version that has image output", () => {
    expect(PROVIDER_MODELS.google.apiVersions).toContain(GEMINI_API_VERSION);
    expect(GEMINI_API_VERSION).toBe("v1beta");
  });

  it("keeps retired ids out of the served lists", () => {
    for (const { models, retired } of Object.values(PROVIDER_MODELS)) {
      const served = new Set(models.map((m) => m.ref));
      for (const old of retired) {
        expect(served.has(old.ref), old.ref).toBe(false);
        expect(old.shutDown).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });
});
