import { LITE_MODELS } from "@/lib/models-lite";
import { withApiLogging } from "@/lib/with-api-logging";

export const GET = withApiLogging({ auth: "none" }, () =>
  Response.json(LITE_MODELS, { headers: { "cache-control": "public, max-age=60" } }),
);
