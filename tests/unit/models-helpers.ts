// Shared fixtures for the catalog tests: the smallest valid input of a model, built from its
// declared parameters (required fields filled, everything else left to defaults).
import type { ModelDefinition, ParamDescriptor } from "@/lib/models-config";

export const IMAGE_URL = "https://example.com/input.png";
export const PROMPT = "a red fox in fresh snow, golden hour";

export function sampleValue(p: ParamDescriptor): unknown {
  if (p.control === "image") return IMAGE_URL;
  if (p.control === "images")
    return Array.from({ length: Math.max(1, p.min ?? 1) }, (_, i) => `${IMAGE_URL}?n=${i}`);
  if (p.type === "string") return PROMPT;
  if (p.default !== undefined) return p.default;
  if (p.min !== undefined) return p.min;
  throw new Error(`no sample for ${p.name}`);
}

export function minimalInput(model: ModelDefinition): Record<string, unknown> {
  return Object.fromEntries(model.params.filter((p) => p.required).map((p) => [p.name, sampleValue(p)]));
}
