import { z } from "zod";
import { listAuditLog } from "@/lib/admin/audit-log";
import { parseQuery } from "@/lib/admin/params";
import { withApiLogging } from "@/lib/with-api-logging";

const querySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  action: z.string().max(100).optional(),
  target: z.string().max(200).optional(),
});

export const GET = withApiLogging({ auth: "admin" }, async ({ req, user }) => {
  const { page, action, target } = parseQuery(req, querySchema);
  return Response.json(await listAuditLog(user, { page, action, targetId: target }));
});

export * from "@/lib/api/method-fallbacks";
