import { generationLineage } from "@/lib/assets/lineage";
import { withApiLogging } from "@/lib/with-api-logging";

// Ancestors and descendants of one of the caller's generations; someone else's is a 404.
export const GET = withApiLogging({ auth: "user", scope: "read" }, async ({ params, user }) =>
  Response.json(await generationLineage(String(params.id), user.id)),
);

export * from "@/lib/api/method-fallbacks";
