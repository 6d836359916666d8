import { z } from "zod";
import { uuidParam } from "@/lib/admin/params";
import { setUserStatus } from "@/lib/admin/users/set-user-status";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

const bodySchema = z.object({
  status: z.enum(["active", "banned"], { error: "status must be active or banned" }),
});

export const POST = withApiLogging({ auth: "admin" }, async ({ req, params, user }) => {
  const id = uuidParam(params);
  const { status } = await parseJson(req, bodySchema);
  const updated = await setUserStatus(user, id, status);
  return Response.json({ id: updated.id, status: updated.status });
});

export * from "@/lib/api/method-fallbacks";
