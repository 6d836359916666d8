import { AppError } from "@/lib/errors";
import { listEffectiveModels } from "@/lib/models/overrides";
import { isTool, TOOLS } from "@/lib/models/tools";
import { toLiteModel } from "@/lib/models-lite";
import { withApiLogging } from "@/lib/with-api-logging";

// The catalog with admin overrides applied: disabled models hidden, overridden prices shown.
// Each model carries its tools and typed ports; `?tool=upscale` keeps the models serving a tool.
export const GET = withApiLogging({ auth: "none" }, async ({ req }) => {
  const tool = req.nextUrl.searchParams.get("tool");
  if (tool !== null && !isTool(tool))
    throw new AppError("bad_request", `tool: unknown tool "${tool}"; one of ${TOOLS.join(", ")}`, {
      field: "tool",
    });
  const models = (await listEffectiveModels())
    .filter((m) => m.enabled && (tool === null || m.model.tools.includes(tool)))
    .map((m) => ({ ...toLiteModel(m.model), price: { unit: m.model.price.unit, credits: m.unitPrice } }));
  return Response.json(models, { headers: { "cache-control": "private, max-age=10" } });
});

export * from "@/lib/api/method-fallbacks";
