import { listEffectiveModels } from "@/lib/models/overrides";
import { toLiteModel } from "@/lib/models-lite";
import { withApiLogging } from "@/lib/with-api-logging";

// The catalog with admin overrides applied: disabled models hidden, overridden prices shown.
export const GET = withApiLogging({ auth: "none" }, async () => {
  const models = (await listEffectiveModels())
    .filter((m) => m.enabled)
    .map((m) => ({ ...toLiteModel(m.model), price: { unit: m.model.price.unit, credits: m.unitPrice } }));
  return Response.json(models, { headers: { "cache-control": "private, max-age=10" } });
});

export * from "@/lib/api/method-fallbacks";
