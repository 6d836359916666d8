import { z } from "zod";
import { updateModelOverride } from "@/lib/admin/models/update-model";
import { stringParam } from "@/lib/admin/params";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

// Each field: a value overrides the catalog, null clears the override, absent leaves it as is.
const count = (max: number) => z.number().int().min(0).max(max).nullable().optional();
const bodySchema = z
  .object({
    enabled: z.boolean().nullable().optional(),
    price_credits: count(1_000_000),
    hourly_limit: count(100_000),
    daily_cap: count(1_000_000),
  })
  .strict();

export const PATCH = withApiLogging({ auth: "admin" }, async ({ req, params, user }) => {
  const patch = await parseJson(req, bodySchema);
  return Response.json(await updateModelOverride(user, stringParam(params, "id"), patch));
});

export * from "@/lib/api/method-fallbacks";
