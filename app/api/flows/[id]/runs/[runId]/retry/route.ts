import { retryRun } from "@/lib/flows/manage-run";
import { nudgeJobs } from "@/lib/jobs/nudge";
import { withApiLogging } from "@/lib/with-api-logging";

// A new run of the same version and targets: everything that succeeded is reused.
export const POST = withApiLogging({ auth: "user" }, async ({ params, user, log }) => {
  const run = await retryRun(String(params.id), String(params.runId), user.id);
  nudgeJobs(log);
  return Response.json(
    { id: run.id, status: run.status, estimated_credits: run.estimated_credits },
    { status: 202 },
  );
});

export * from "@/lib/api/method-fallbacks";
