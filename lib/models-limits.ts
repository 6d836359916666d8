// Per-model limits. Output counts, reference images and video length are read from the catalog's
// parameter declarations (so they cannot disagree with validation); the rate numbers are declared
// here. Admin overrides, when they exist, take precedence over these defaults.
import { getModel, MODELS, type ModelDefinition } from "./models-config";

export type ModelLimits = {
  /** Most outputs one generation may produce. */
  maxOutputs: number;
  /** Most reference images an image-edit request may carry (0 when the model takes none). */
  maxReferenceImages: number;
  /** Most input images of any role one request may carry (references, first/last frames). */
  maxInputImages: number;
  /** Longest video one generation may produce, or null for image models. */
  maxVideoSeconds: number | null;
  /** Generations one user may start per rolling hour. */
  hourlyRateLimit: number;
  /** Default generations one user may start per day. */
  dailyCap: number;
};

type RateLimits = Pick<ModelLimits, "hourlyRateLimit" | "dailyCap">;

const CHEAP_IMAGE: RateLimits = { hourlyRateLimit: 120, dailyCap: 500 };
const IMAGE: RateLimits = { hourlyRateLimit: 60, dailyCap: 300 };
const VIDEO: RateLimits = { hourlyRateLimit: 10, dailyCap: 30 };
const TEXT: RateLimits = { hourlyRateLimit: 120, dailyCap: 500 };

const RATE_LIMITS: Record<string, RateLimits> = {
  "flux-schnell": CHEAP_IMAGE,
  "flux-1-1-pro": IMAGE,
  "flux-kontext-pro": IMAGE,
  "real-esrgan": IMAGE,
  "background-remover": CHEAP_IMAGE,
  "fal-flux-dev": IMAGE,
  "fal-nano-banana-edit": IMAGE,
  "kling-2-5-turbo-i2v": VIDEO,
  "kling-2-5-turbo-t2v": VIDEO,
  "gemini-2-5-flash-image": IMAGE,
  "veo-3-1-fast": VIDEO,
};

/** Used for a model added to the catalog without its own entry above. */
const DEFAULT_RATE_LIMITS: Record<ModelDefinition["kind"], RateLimits> = {
  image: IMAGE,
  video: VIDEO,
  text: TEXT,
};

function paramMax(model: ModelDefinition, name: string): number | undefined {
  const descriptor = model.params.find((p) => p.name === name);
  if (!descriptor) return undefined;
  if (descriptor.max !== undefined) return descriptor.max;
  const numeric = (descriptor.options ?? [])
    .map((o) => o.value)
    .filter((v): v is number => typeof v === "number");
  return numeric.length > 0 ? Math.max(...numeric) : undefined;
}

function limitsOf(model: ModelDefinition): ModelLimits {
  const maxInputImages = model.params.reduce(
    (sum, p) => sum + (p.control === "image" ? 1 : p.control === "images" ? (p.max ?? 0) : 0),
    0,
  );
  return {
    maxOutputs: paramMax(model, "num_outputs") ?? 1,
    maxReferenceImages: model.maxReferenceImages ?? 0,
    maxInputImages,
    maxVideoSeconds: model.kind === "video" ? (paramMax(model, "duration_seconds") ?? null) : null,
    ...(RATE_LIMITS[model.id] ?? DEFAULT_RATE_LIMITS[model.kind]),
  };
}

export const MODEL_LIMITS: Readonly<Record<string, ModelLimits>> = Object.freeze(
  Object.fromEntries(MODELS.map((model) => [model.id, Object.freeze(limitsOf(model))])),
);

export function getModelLimits(id: string): ModelLimits | undefined {
  return getModel(id) ? MODEL_LIMITS[id] : undefined;
}
