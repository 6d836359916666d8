import "server-only";
// Saves an admin override for one catalog model. Each field given replaces the stored one;
// null clears it back to the catalog default; a field left out stays as it is. An override
// with every field cleared is deleted. The per-process cache is dropped after the commit.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { recordAudit } from "@/lib/audit";
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { invalidateOverrides, type ModelOverride } from "@/lib/models/overrides";
import { getModel } from "@/lib/models-config";
import { type AdminModel, loadOverrideRows, toAdminModel } from "./list-models";

export type ModelOverridePatch = Partial<Omit<ModelOverride, "model_id">>;

const FIELDS = ["enabled", "price_credits", "hourly_limit", "daily_cap"] as const;

export async function updateModelOverride(
  actor: Actor,
  modelId: string,
  patch: ModelOverridePatch,
): Promise<AdminModel> {
  assertAdmin(actor);
  const model = getModel(modelId);
  if (!model) throw new AppError("not_found", `Unknown model "${modelId}".`);
  await sql.begin(async (tx) => {
    const [current] = await tx<ModelOverride[]>`
      select model_id, enabled, price_credits, hourly_limit, daily_cap
      from model_overrides where model_id = ${modelId} for update`;
    const before = {
      enabled: current?.enabled ?? null,
      price_credits: current?.price_credits ?? null,
      hourly_limit: current?.hourly_limit ?? null,
      daily_cap: current?.daily_cap ?? null,
    };
    const after = { ...before };
    for (const field of FIELDS)
      if (patch[field] !== undefined) Object.assign(after, { [field]: patch[field] });
    if (FIELDS.every((f) => before[f] === after[f])) return;
    if (FIELDS.every((f) => after[f] === null)) {
      await tx`delete from model_overrides where model_id = ${modelId}`;
    } else {
      await tx`
        insert into model_overrides (model_id, enabled, price_credits, hourly_limit, daily_cap, updated_at, updated_by)
        values (${modelId}, ${after.enabled}, ${after.price_credits}, ${after.hourly_limit}, ${after.daily_cap},
                now(), ${actor.id})
        on conflict (model_id) do update set
          enabled = excluded.enabled, price_credits = excluded.price_credits,
          hourly_limit = excluded.hourly_limit, daily_cap = excluded.daily_cap,
          updated_at = excluded.updated_at, updated_by = excluded.updated_by`;
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "model.update",
      targetType: "model",
      targetId: modelId,
      before,
      after,
    });
  });
  invalidateOverrides();
  return toAdminModel(model, (await loadOverrideRows()).get(modelId));
}
