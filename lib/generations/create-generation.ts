import "server-only";
import { inputAssets } from "@/lib/assets/generation-inputs";
import { resolveImageInputs } from "@/lib/assets/resolve-image-inputs";
import { type Reservation, reserveGeneration } from "@/lib/db/generations";
import { AppError } from "@/lib/errors";
import { type GenerationRow, MAX_ACTIVE_PER_USER } from "@/lib/generations/types";
import { type EffectiveModel, getEffectiveModel } from "@/lib/models/overrides";
import { type ModelDefinition, type ModelInput, promptOf, validateModelInput } from "@/lib/models-config";
import { priceOf } from "@/lib/pricing";
import { referenceUrlIssue } from "@/lib/providers/reference-url";
import { getSetting } from "@/lib/settings/settings";

export type CreatedGeneration = { generation: GenerationRow; model: ModelDefinition };

/**
 * Resolves an enabled model and validates the input against its schema (400 naming the field).
 * With the caller's id, image inputs given as asset ids become links to their files.
 */
export async function validateRequest(
  modelId: string,
  input: unknown,
  userId?: string,
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
  return { effective, input: resolved };
}

/** "first_frame: is required" names `first_frame`; "reference_images.1: …" names `reference_images.1`. */
function fieldOf(error: string): string | undefined {
  return /^([a-z_][\w.]*): /i.exec(error)?.[1];
}

export async function estimateCredits(modelId: string, input: unknown, userId?: string): Promise<number> {
  const { effective, input: validated } = await validateRequest(modelId, input, userId);
  return priceOf(effective.model, validated, effective.unitPrice);
}

/** Validates, prices and records a queued, paid generation with its submit job. */
export async function createGeneration(args: {
  userId: string;
  modelId: string;
  input: unknown;
  parentGenerationId?: string | null;
  /** The session to work in; none chosen starts one (or joins the parent's). */
  sessionId?: string | null;
}): Promise<CreatedGeneration> {
  const { effective, input } = await validateRequest(args.modelId, args.input, args.userId);
  const model = effective.model;
  const reservation = await reserveGeneration(
    {
      userId: args.userId,
      modelId: model.id,
      provider: model.provider,
      kind: model.kind,
      input: { ...input },
      prompt: promptOf(input),
      parentGenerationId: args.parentGenerationId ?? null,
      inputs: await inputAssets(args.userId, model, input),
      session: { id: args.sessionId ?? null },
    },
    {
      price: priceOf(model, input, effective.unitPrice),
      hourlyLimit: effective.hourlyLimit,
      dailyModelCap: effective.dailyCap,
      dailyCap: await getSetting("daily_generation_cap"),
    },
  );
  if (!reservation.ok) throw refusal(reservation, model);
  return { generation: reservation.generation, model };
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
