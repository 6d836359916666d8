import { z } from "zod";
import { apiKeyUsage } from "@/lib/admin/api-key-usage";
import { parseQuery } from "@/lib/admin/params";
import { usageReport } from "@/lib/admin/usage-report";
import { withApiLogging } from "@/lib/with-api-logging";

const querySchema = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) });

export const GET = withApiLogging({ auth: "admin" }, async ({ req, user }) => {
  const { days } = parseQuery(req, querySchema);
  const [report, perApiKey] = await Promise.all([usageReport(user, days), apiKeyUsage(user, days)]);
  return Response.json({ ...report, per_api_key: perApiKey });
});

export * from "@/lib/api/method-fallbacks";
