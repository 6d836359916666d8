import { listAdminModels } from "@/lib/admin/models/list-models";
import { withApiLogging } from "@/lib/with-api-logging";

export const GET = withApiLogging({ auth: "admin" }, async ({ user }) =>
  Response.json(await listAdminModels(user)),
);

export * from "@/lib/api/method-fallbacks";
