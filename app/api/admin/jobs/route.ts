import { z } from "zod";
import { listAdminJobs } from "@/lib/admin/jobs/list-jobs";
import { parseQuery } from "@/lib/admin/params";
import { JOB_NAMES, JOB_STATES } from "@/lib/jobs/definitions";
import { withApiLogging } from "@/lib/with-api-logging";

const querySchema = z.object({
  state: z.enum(JOB_STATES).optional(),
  name: z.enum(JOB_NAMES as [string, ...string[]]).optional(),
});

export const GET = withApiLogging({ auth: "admin" }, async ({ req, user }) =>
  Response.json(await listAdminJobs(user, parseQuery(req, querySchema))),
);

export * from "@/lib/api/method-fallbacks";
