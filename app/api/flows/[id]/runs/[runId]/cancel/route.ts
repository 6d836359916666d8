import { cancelRun } from "@/lib/flows/cancel-run";
import { requireOwnRun } from "@/lib/flows/manage-run";
import { runView } from "@/lib/flows/run-view";
import { withApiLogging } from "@/lib/with-api-logging";

// Idempotent: canceling an ended run answers the run as it ended.
export const POST = withApiLogging({ auth: "user" }, async ({ params, user, log }) => {
  const run = await requireOwnRun(String(params.id), String(params.runId), user.id);
  await cancelRun(run.id, user.id, log);
  return Response.json(await runView(await requireOwnRun(run.flow_id, run.id, user.id)));
});

export * from "@/lib/api/method-fallbacks";
