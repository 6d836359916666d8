import "server-only";
// A user's own runs: read one (someone else's, or one of another flow, is a 404) and retry one.
import { type FlowRunRow, getRunForUser } from "@/lib/db/flow-runs";
import { getVersionForUser } from "@/lib/db/flows";
import { AppError } from "@/lib/errors";
import { isUuid, requireOwnFlow } from "@/lib/flows/manage-flow";
import { startRun } from "@/lib/flows/start-run";

export async function requireOwnRun(flowId: string, runId: string, userId: string): Promise<FlowRunRow> {
  const run = isUuid(flowId) && isUuid(runId) ? await getRunForUser(runId, flowId, userId) : null;
  if (!run) throw new AppError("not_found", "Run not found.");
  return run;
}

/** Runs the version a run ran again, with its targets and forced nodes; what succeeded is reused. */
export async function retryRun(flowId: string, runId: string, userId: string): Promise<FlowRunRow> {
  const flow = await requireOwnFlow(flowId, userId);
  const run = await requireOwnRun(flowId, runId, userId);
  if (run.status === "running") throw new AppError("conflict", "This run is still running.");
  const version = await getVersionForUser(run.version_id, flow.id, userId);
  if (!version) throw new AppError("not_found", "Run not found.");
  // Nodes forced last time ran then; this time what they made is reused like the rest.
  return startRun({ flow, graph: version.graph, request: { targets: run.targets }, retryOf: run.id });
}
