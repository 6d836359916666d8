import { uuidParam } from "@/lib/admin/params";
import { getUserDetail } from "@/lib/admin/users/get-user-detail";
import { withApiLogging } from "@/lib/with-api-logging";

export const GET = withApiLogging({ auth: "admin" }, async ({ params, user }) =>
  Response.json(await getUserDetail(user, uuidParam(params))),
);

export * from "@/lib/api/method-fallbacks";
