import "server-only";
// Admin overrides on top of the catalog in code: enable/disable, price per unit, limits.
// Cached for a few seconds per process, so changes reach users without a restart.
import { sql } from "@/lib/db/client";
import { getModel, MODELS, type ModelDefinition } from "@/lib/models-config";
import { getModelLimits } from "@/lib/models-limits";

export type ModelOverride = {
  model_id: string;
  enabled: boolean | null;
  price_credits: number | null;
  hourly_limit: number | null;
  daily_cap: number | null;
};

export type EffectiveModel = {
  model: ModelDefinition;
  enabled: boolean;
  /** Credits per pricing unit (image, second or megapixel). */
  unitPrice: number;
  hourlyLimit: number;
  dailyCap: number;
};

const CACHE_MS = 5_000;
let cache: { at: number; byId: Map<string, ModelOverride> } | null = null;

export async function loadOverrides(): Promise<Map<string, ModelOverride>> {
  if (cache && Date.now() - cache.at < CACHE_MS) return cache.byId;
  const rows = await sql<
    ModelOverride[]
  >`select model_id, enabled, price_credits, hourly_limit, daily_cap from model_overrides`;
  cache = { at: Date.now(), byId: new Map(rows.map((r) => [r.model_id, r])) };
  return cache.byId;
}

export function invalidateOverrides(): void {
  cache = null;
}

export function applyOverride(model: ModelDefinition, override: ModelOverride | undefined): EffectiveModel {
  const limits = getModelLimits(model.id);
  return {
    model,
    enabled: override?.enabled ?? model.enabled,
    unitPrice: override?.price_credits ?? model.price.credits,
    hourlyLimit: override?.hourly_limit ?? limits?.hourlyRateLimit ?? 60,
    dailyCap: override?.daily_cap ?? limits?.dailyCap ?? 300,
  };
}

export async function getEffectiveModel(id: string): Promise<EffectiveModel | null> {
  const model = getModel(id);
  if (!model) return null;
  return applyOverride(model, (await loadOverrides()).get(id));
}

export async function listEffectiveModels(): Promise<EffectiveModel[]> {
  const overrides = await loadOverrides();
  return MODELS.map((model) => applyOverride(model, overrides.get(model.id)));
}
