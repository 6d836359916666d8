import { runRequest } from "@/lib/contracts/flows";
import { listRunsOfFlow } from "@/lib/db/flow-runs";
import { requireOwnFlow } from "@/lib/flows/manage-flow";
import { parseOptionalJson } from "@/lib/flows/request-schemas";
import { runHistory } from "@/lib/flows/run-view";
import { startRun } from "@/lib/flows/start-run";
import { nudgeJobs } from "@/lib/jobs/nudge";
import { withApiLogging } from "@/lib/with-api-logging";

const HISTORY_LIMIT = 50;

export const GET = withApiLogging({ auth: "user" }, async ({ params, user }) => {
  const flow = await requireOwnFlow(String(params.id), user.id);
  return Response.json({ runs: await runHistory(await listRunsOfFlow(flow.id, user.id, HISTORY_LIMIT)) });
});

// Runs the saved graph: accepted (202) once its price is reserved; the engine does the rest.
export const POST = withApiLogging({ auth: "user" }, async ({ req, params, user, log }) => {
  const flow = await requireOwnFlow(String(params.id), user.id);
  const request = await parseOptionalJson(req, runRequest);
  const run = await startRun({ flow, graph: flow.graph, request });
  nudgeJobs(log);
  return Response.json(
    { id: run.id, status: run.status, estimated_credits: run.estimated_credits },
    { status: 202 },
  );
});

export * from "@/lib/api/method-fallbacks";
