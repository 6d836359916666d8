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
