import { z } from "zod";
import { parseQuery } from "@/lib/admin/params";
import { usageReport } from "@/lib/admin/usage-report";
import { withApiLogging } from "@/lib/with-api-logging";

const querySchema = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) });

export const GET = withApiLogging({ auth: "admin" }, async ({ req, user }) =>
  Response.json(await usageReport(user, parseQuery(req, querySchema).days)),
);

export * from "@/lib/api/method-fallbacks";
