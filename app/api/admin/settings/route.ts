import { listAdminSettings } from "@/lib/admin/settings/list-settings";
import { withApiLogging } from "@/lib/with-api-logging";

export const GET = withApiLogging({ auth: "admin" }, async ({ user }) =>
  Response.json(await listAdminSettings(user)),
);

export * from "@/lib/api/method-fallbacks";
