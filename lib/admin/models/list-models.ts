import "server-only";
// Every catalog model with its catalog defaults, the admin override (null = default) and
// the effective values. Read from the table, not the 5 s cache, so the console shows what
// was just saved.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { sql } from "@/lib/db/client";
import { applyOverride, type ModelOverride } from "@/lib/models/overrides";
import { MODELS, type ModelDefinition, type PricingUnit, type ProviderId } from "@/lib/models-config";

export type ModelSettings = {
  enabled: boolean;
  price_credits: number;
  hourly_limit: number;
  daily_cap: number;
};

export type AdminModel = {
  id: string;
  name: string;
  provider: ProviderId;
  /** The provider's own id for the model, and when and where it was last checked to be served. */
  provider_ref: string;
  verified: { on: string; source: string } | null;
  kind: string;
  price_unit: PricingUnit;
  catalog: ModelSettings;
  override: Omit<ModelOverride, "model_id"> & { updated_at: Date | null };
  effective: ModelSettings;
};

type OverrideRow = ModelOverride & { updated_at: Date };

export async function loadOverrideRows(): Promise<Map<string, OverrideRow>> {
  const rows = await sql<OverrideRow[]>`
    select model_id, enabled, price_credits, hourly_limit, daily_cap, updated_at from model_overrides`;
  return new Map(rows.map((r) => [r.model_id, r]));
}

export function toAdminModel(model: ModelDefinition, override: OverrideRow | undefined): AdminModel {
  const base = applyOverride(model, undefined);
  const effective = applyOverride(model, override);
  const settings = (e: typeof base): ModelSettings => ({
    enabled: e.enabled,
    price_credits: e.unitPrice,
    hourly_limit: e.hourlyLimit,
    daily_cap: e.dailyCap,
  });
  return {
    id: model.id,
    name: model.name,
    provider: model.provider,
    provider_ref: model.providerRef,
    verified: model.verified,
    kind: model.kind,
    price_unit: model.price.unit,
    catalog: settings(base),
    override: {
      enabled: override?.enabled ?? null,
      price_credits: override?.price_credits ?? null,
      hourly_limit: override?.hourly_limit ?? null,
      daily_cap: override?.daily_cap ?? null,
      updated_at: override?.updated_at ?? null,
    },
    effective: settings(effective),
  };
}

export async function listAdminModels(actor: Actor): Promise<AdminModel[]> {
  assertAdmin(actor);
  const overrides = await loadOverrideRows();
  return MODELS.map((model) => toAdminModel(model, overrides.get(model.id)));
}
