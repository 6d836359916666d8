// The model catalog: every model we can run, its parameters, price unit and provider mapping.
// Pure data and pure functions (no secrets, no I/O), so the client catalog (models-lite.ts) can
// derive from it. Model definitions live per provider in lib/models/.
import type { ZodError } from "zod";
import { FAL_MODELS } from "./models/fal";
import { GOOGLE_MODELS } from "./models/google";
import { formatIssue } from "./models/params";
import { REPLICATE_MODELS } from "./models/replicate";
import { REPLICATE_VIDEO_MODELS } from "./models/replicate-video";
import type { ModelDefinition, ModelInput } from "./models/types";

export type { ControlType, OptionValue, ParamDescriptor, ParamOption, ParamType } from "./models/params";
export type { InputPort, ModelPorts, OutputKind, PortKind, PortName } from "./models/ports";
export { isTool, modelsForTool, TOOL_LABELS, TOOLS, type Tool } from "./models/tools";
export type {
  GeminiImageRequest,
  GoogleRequest,
  ModelDefinition,
  ModelInput,
  ModelKind,
  ModelPrice,
  PricingUnit,
  ProviderId,
  ProviderJsonInput,
  RemoteImage,
} from "./models/types";

export const MODELS: readonly ModelDefinition[] = Object.freeze([
  ...REPLICATE_MODELS,
  ...FAL_MODELS,
  ...GOOGLE_MODELS,
  ...REPLICATE_VIDEO_MODELS,
]);

const BY_ID = new Map(MODELS.map((model) => [model.id, model]));

export function getModel(id: string): ModelDefinition | undefined {
  return BY_ID.get(id);
}

export type ValidationResult = { ok: true; input: ModelInput } | { ok: false; error: string };

/**
 * Validates raw input (e.g. a request body's `input`) against the model's parameters.
 * Null values count as "not given" so optional fields may be sent as null. Unknown fields are
 * rejected. The error names the field: `"num_outputs: must be at most 4"`.
 */
export function validateModelInput(model: ModelDefinition, raw: unknown): ValidationResult {
  const candidate = isPlainObject(raw)
    ? Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null))
    : raw;
  const parsed = model.inputSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, error: formatIssue(parsed.error as ZodError) };
  return { ok: true, input: parsed.data };
}

/** The prompt text of a validated input, or null for models without one (upscale, background removal). */
export function promptOf(input: ModelInput): string | null {
  const prompt = input.prompt;
  return typeof prompt === "string" && prompt.trim() !== "" ? prompt.trim() : null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
