import { z } from "zod";
import { uuidParam } from "@/lib/admin/params";
import { changeUserRole } from "@/lib/admin/users/change-role";
import { ROLES } from "@/lib/auth/types";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

const bodySchema = z.object({ role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(", ")}` }) });

// Super admins only: an admin cannot change anyone's role, super_admin included.
export const POST = withApiLogging({ auth: "super_admin" }, async ({ req, params, user }) => {
  const id = uuidParam(params);
  const { role } = await parseJson(req, bodySchema);
  const updated = await changeUserRole(user, id, role);
  return Response.json({ id: updated.id, role: updated.role });
});

export * from "@/lib/api/method-fallbacks";
