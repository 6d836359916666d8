import { getGenerationDetail } from "@/lib/admin/generations/get-generation-detail";
import { uuidParam } from "@/lib/admin/params";
import { withApiLogging } from "@/lib/with-api-logging";

export const GET = withApiLogging({ auth: "admin" }, async ({ params, user }) =>
  Response.json(await getGenerationDetail(user, uuidParam(params))),
);

export * from "@/lib/api/method-fallbacks";
