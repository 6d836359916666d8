import "server-only";
import { randomInt } from "node:crypto";
import { inputAssets } from "@/lib/assets/generation-inputs";
import { resolveImageInputs } from "@/lib/assets/resolve-image-inputs";
import { type Reservation, reserveGenerations } from "@/lib/db/generations";
import { AppError } from "@/lib/errors";
import { checkImageInputs } from "@/lib/generations/check-image-inputs";
import { type GenerationRow, MAX_ACTIVE_PER_USER } from "@/lib/generations/types";
import { type EffectiveModel, getEffectiveModel } from "@/lib/models/overrides";
import { type ModelDefinition, type ModelInput, promptOf, validateModelInput } from "@/lib/models-config";
import { priceOf } from "@/lib/pricing";
import { referenceUrlIssue } from "@/lib/providers/reference-url";
import { getSetting } from "@/lib/settings/settings";

export type CreatedGeneration = {
  /** The first (or only) one; `generations` lists every variation. */
  generation: GenerationRow;
  generations: GenerationRow[];
  model: ModelDefinition;
};

/** Most variations one create may ask for. */
export const MAX_VARIATIONS = 4;

/**
 * Resolves an enabled model and validates the input against its schema (400 naming the field).
 * With the caller's id, image inputs given as asset ids become links to their files.
 */
export async function validateRequest(
  modelId: string,
  input: unknown,
  userId?: string,
  { store = false }: { store?: boolean } = {},
): Promise<{ effective: EffectiveModel; input: ModelInput }> {
  const effective = await getEffectiveModel(modelId);
  if (!effective) throw new AppError("bad_request", `model: unknown model "${modelId}"`);
  if (!effective.enabled) throw new AppError("bad_request", `model: "${modelId}" is not available right now`);
  const validated = validateModelInput(effective.model, input ?? {});
  if (!validated.ok) throw new AppError("bad_request", validated.error, { field: fieldOf(validated.error) });
  const resolved = userId
    ? await resolveImageInputs(userId, effective.model, validated.input)
    : validated.input;
  // Reference URLs that can be refused without a lookup are, before anything is charged.
  const refused = referenceUrlIssue(effective.model.params, resolved);
  if (refused) throw new AppError("bad_request", refused.message, { field: refused.field });
  if (!userId) return { effective, input: resolved };
  return { effective, input: await checkImageInputs(userId, effective.model, resolved, store) };
}

/** "first_frame: is required" names `first_frame`; "reference_images.1: …" names `reference_images.1`. */
function fieldOf(error: string): string | undefined {
  return /^([a-z_][\w.]*): /i.exec(error)?.[1];
}

export async function estimateCredits(modelId: string, input: unknown, userId?: string): Promise<number> {
  const { effective, input: validated } = await validateRequest(modelId, input, userId);
  return priceOf(effective.model, validated, effective.unitPrice);
}

/**
 * Validates, prices and records queued, paid generations with their submit jobs: one, or
 * `variations` of the same input (each its own row, charge and refund; all or none are taken).
 * Variations of a model with a seed get different seeds, so they differ yet stay reproducible.
 */
export async function createGeneration(args: {
  userId: string;
  modelId: string;
  input: unknown;
  parentGenerationId?: string | null;
  variations?: number;
  /** The session to work in; none chosen starts one (or joins the parent's). */
  sessionId?: string | null;
}): Promise<CreatedGeneration> {
  const count = args.variations ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > MAX_VARIATIONS)
    throw new AppError("bad_request", `variations: must be from 1 to ${MAX_VARIATIONS}`, {
      field: "variations",
    });
  const { effective, input } = await validateRequest(args.modelId, args.input, args.userId, { store: true });
  const model = effective.model;
  const inputs = await inputAssets(args.userId, model, input);
  const batch = variationInputs(model, input, count).map((variation) => ({
    userId: args.userId,
    modelId: model.id,
    provider: model.provider,
    kind: model.kind,
    input: variation,
    prompt: promptOf(variation),
    parentGenerationId: args.parentGenerationId ?? null,
    inputs,
    session: { id: args.sessionId ?? null },
  }));
  const reservation = await reserveGenerations(batch, {
    price: priceOf(model, input, effective.unitPrice),
    hourlyLimit: effective.hourlyLimit,
    dailyModelCap: effective.dailyCap,
    dailyCap: await getSetting("daily_generation_cap"),
  });
  if (!reservation.ok) throw refusal(reservation, model);
  const [first] = reservation.generations;
  return { generation: first as GenerationRow, generations: reservation.generations, model };
}

function variationInputs(
  model: ModelDefinition,
  input: ModelInput,
  count: number,
): Record<string, unknown>[] {
  if (count === 1) return [{ ...input }];
  const seeded = model.params.some((p) => p.name === "seed");
  const base = typeof input.seed === "number" ? input.seed : randomInt(0, 2_000_000_000);
  return Array.from({ length: count }, (_, i) => (seeded ? { ...input, seed: base + i } : { ...input }));
}

/** The error a refused reservation answers, in the words the person reads. */
export function refusal(
  reservation: Exclude<Reservation, { ok: true }>,
  model: Pick<ModelDefinition, "name">,
): AppError {
  switch (reservation.reason) {
    case "inactive":
      return new AppError("forbidden", "This account is suspended.");
    case "active_limit":
      return new AppError(
        "rate_limited",
        `You already have ${MAX_ACTIVE_PER_USER} generations running. Wait for one to finish.`,
        { headers: { "Retry-After": "10" } },
      );
    case "insufficient_credits":
      return new AppError("payment_required", `Not enough credits: you have ${reservation.balance ?? 0}.`);
    case "hourly_limit":
      return new AppError("rate_limited", `Hourly limit for ${model.name} reached. Try again later.`, {
        headers: { "Retry-After": String(reservation.retryAfterSeconds) },
      });
    case "daily_model_cap":
      return new AppError("rate_limited", `Daily limit for ${model.name} reached. Try again tomorrow.`, {
        headers: { "Retry-After": String(reservation.retryAfterSeconds) },
      });
    case "daily_cap":
      return new AppError("rate_limited", "Daily generation limit reached. Try again tomorrow.", {
        headers: { "Retry-After": String(reservation.retryAfterSeconds) },
      });
  }
}
