import { FLOW_TEMPLATES } from "@/lib/flows/templates";
import { withApiLogging } from "@/lib/with-api-logging";

// Starter flows; `POST /api/flows { template: id }` makes one yours.
export const GET = withApiLogging({ auth: "user" }, async () =>
  Response.json({ templates: FLOW_TEMPLATES }, { headers: { "cache-control": "private, max-age=300" } }),
);

export * from "@/lib/api/method-fallbacks";
