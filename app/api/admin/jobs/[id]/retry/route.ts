import { retryJob } from "@/lib/admin/jobs/retry-job";
import { stringParam } from "@/lib/admin/params";
import { nudgeJobs } from "@/lib/jobs/nudge";
import { withApiLogging } from "@/lib/with-api-logging";

export const POST = withApiLogging({ auth: "admin" }, async ({ params, user, log }) => {
  const retried = await retryJob(user, stringParam(params, "id"));
  nudgeJobs(log);
  return Response.json(retried);
});

export * from "@/lib/api/method-fallbacks";
