import "server-only";
// The catalog as the flow engine sees it: every model in code (a flow that names a model an
// admin disabled still opens and saves; it just cannot run that node), with admin overrides for
// availability and price.
import { flowCatalog } from "@/lib/flows/catalog";
import type { RunnableModel } from "@/lib/flows/plan-run";
import { listEffectiveModels } from "@/lib/models/overrides";
import { MODELS } from "@/lib/models-config";
import { priceOf } from "@/lib/pricing";
import { getSetting } from "@/lib/settings/settings";

/** Graph rules only need ports, which admin overrides do not change. */
export const SAVE_CATALOG = flowCatalog(MODELS);

export async function runnableModels(): Promise<(id: string) => RunnableModel | undefined> {
  const dailyCap = await getSetting("daily_generation_cap");
  const byId = new Map(
    (await listEffectiveModels()).map((e): [string, RunnableModel] => [
      e.model.id,
      {
        model: e.model,
        enabled: e.enabled,
        price: (input) => priceOf(e.model, input, e.unitPrice),
        limits: { hourlyLimit: e.hourlyLimit, dailyModelCap: e.dailyCap, dailyCap },
      },
    ]),
  );
  return (id) => byId.get(id);
}
