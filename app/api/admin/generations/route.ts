import { z } from "zod";
import { listAdminGenerations } from "@/lib/admin/generations/list-generations";
import { parseQuery } from "@/lib/admin/params";
import { calendarDaySchema } from "@/lib/api/dates";
import { GENERATION_STATUSES } from "@/lib/generations/types";
import { withApiLogging } from "@/lib/with-api-logging";

const querySchema = z.object({
  status: z.enum(GENERATION_STATUSES).optional(),
  provider: z.enum(["replicate", "fal", "google"]).optional(),
  model: z.string().max(100).optional(),
  email: z.string().max(254).optional(),
  from: calendarDaySchema.optional(),
  to: calendarDaySchema.optional(),
  cursor: z.string().max(200).optional(),
});

export const GET = withApiLogging({ auth: "admin" }, async ({ req, user }) =>
  Response.json(await listAdminGenerations(user, parseQuery(req, querySchema))),
);

export * from "@/lib/api/method-fallbacks";
