import { z } from "zod";
import { listAdminGenerations } from "@/lib/admin/generations/list-generations";
import { parseQuery } from "@/lib/admin/params";
import { GENERATION_STATUSES } from "@/lib/generations/types";
import { withApiLogging } from "@/lib/with-api-logging";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-01-31")
  .refine((d) => !Number.isNaN(Date.parse(d)), "must be a real date");

const querySchema = z.object({
  status: z.enum(GENERATION_STATUSES).optional(),
  provider: z.enum(["replicate", "fal", "google"]).optional(),
  model: z.string().max(100).optional(),
  email: z.string().max(254).optional(),
  from: day.optional(),
  to: day.optional(),
  cursor: z.string().max(200).optional(),
});

export const GET = withApiLogging({ auth: "admin" }, async ({ req, user }) =>
  Response.json(await listAdminGenerations(user, parseQuery(req, querySchema))),
);
