// Display helpers for the catalog: labels, price lines and a price estimate for given values.

import type { ModelPrice, ProviderId } from "@/lib/models/types";
import type { LiteModel } from "@/lib/models-lite";

export const PROVIDER_LABELS: Record<ProviderId, string> = {
  replicate: "Replicate",
  fal: "fal.ai",
  google: "Google",
};

export function providerLabel(provider: string): string {
  return PROVIDER_LABELS[provider as ProviderId] ?? provider;
}

/** "1 credit", "120 credits". */
export const creditsLabel = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "credit" : "credits"}`;

/** "1 credit per image", "9 credits per second". */
export function priceLine(price: ModelPrice): string {
  return `${creditsLabel(price.credits)} per ${price.unit}`;
}

/**
 * What this input will likely cost in credits, when the unit can be counted from the form (images by
 * `num_outputs`, seconds by `duration_seconds`); null when it cannot (megapixels). The server
 * computes the real charge.
 */
export function estimateCredits(model: LiteModel, values: Record<string, unknown>): number | null {
  const { unit, credits: each } = model.price;
  if (unit === "megapixel") return null;
  const field = unit === "image" ? "num_outputs" : "duration_seconds";
  const declared = model.params.some((p) => p.name === field);
  const count = declared ? Number(values[field] ?? defaultOf(model, field)) : 1;
  if (!Number.isFinite(count) || count <= 0) return null;
  return Math.ceil(each * count);
}

function defaultOf(model: LiteModel, name: string): unknown {
  return model.params.find((p) => p.name === name)?.default;
}
