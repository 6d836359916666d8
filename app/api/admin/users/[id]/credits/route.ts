import { z } from "zod";
import { uuidParam } from "@/lib/admin/params";
import { adjustCredits, MAX_ADJUSTMENT } from "@/lib/admin/users/adjust-credits";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

const bodySchema = z.object({
  delta: z
    .number({ error: "delta must be a whole number" })
    .int("delta must be a whole number")
    .min(-MAX_ADJUSTMENT)
    .max(MAX_ADJUSTMENT)
    .refine((n) => n !== 0, "delta must not be 0"),
  reason: z
    .string({ error: "reason is required" })
    .trim()
    .min(3, "reason: say why, in at least 3 characters")
    .max(500, "reason: at most 500 characters"),
});

export const POST = withApiLogging({ auth: "admin" }, async ({ req, params, user }) => {
  const userId = uuidParam(params);
  const { delta, reason } = await parseJson(req, bodySchema);
  return Response.json(await adjustCredits(user, { userId, delta, reason }));
});

export * from "@/lib/api/method-fallbacks";
