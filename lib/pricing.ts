// The price of a request in whole credits: the model's (or the admin's) price per unit times
// the billable units of this input (images, seconds of video or megapixels), rounded up.
import type { ModelDefinition, ModelInput } from "@/lib/models-config";

export function priceOf(model: ModelDefinition, input: ModelInput, unitPrice = model.price.credits): number {
  const units = model.billableUnits(input);
  if (!Number.isFinite(units) || units < 0)
    throw new Error(`billable units out of range for ${model.id}: ${units}`);
  // Rounded to a thousandth first so 0.1 + 0.2 style float noise never adds a credit.
  return Math.ceil(Math.round(unitPrice * units * 1000) / 1000);
}

/**
 * The smallest job a model can run, in credits: the fewest billable units its form allows
 * (the shortest clip for per-second video, one image otherwise) at `unitPrice`.
 */
export function smallestJobCredits(model: ModelDefinition, unitPrice = model.price.credits): number {
  const field =
    model.price.unit === "second" ? "duration_seconds" : model.price.unit === "image" ? "num_outputs" : null;
  const param = field ? model.params.find((p) => p.name === field) : undefined;
  const counts = param?.options?.map((o) => Number(o.value)) ?? [param?.min ?? 1];
  const units = Math.min(...counts.filter((n) => Number.isFinite(n) && n > 0), Number.POSITIVE_INFINITY);
  return Math.ceil(Math.round(unitPrice * (Number.isFinite(units) ? units : 1) * 1000) / 1000);
}
