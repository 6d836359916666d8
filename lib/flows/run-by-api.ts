import "server-only";
import type { FlowRunRow } from "@/lib/db/flow-runs";
// Running a saved flow with just its exposed inputs (`/api/v1/flows/{id}/…`): the inputs of the
// flow as saved now, or of one of its versions, their JSON Schema, and a run with the given
// values written into a copy of the graph, started like any run (priced, reserved, recorded
// with the version it really ran). Values the schema refuses are a 422 naming `inputs.<name>`,
// before anything is charged or written.
import { type FlowRow, getVersionForUser } from "@/lib/db/flows";
import { AppError, isAppError } from "@/lib/errors";
import { type ResolvedInput, resolveInputs } from "@/lib/flows/exposed-inputs";
import { graphError } from "@/lib/flows/graph-error";
import type { FlowGraph } from "@/lib/flows/graph-schema";
import { applyInputs, inputsJsonSchema, parseInputs } from "@/lib/flows/input-schema";
import { isUuid, requireOwnFlow } from "@/lib/flows/manage-flow";
import { SAVE_CATALOG } from "@/lib/flows/server-catalog";
import { startRun } from "@/lib/flows/start-run";
import type { GraphIssue } from "@/lib/flows/validate-graph";
import { prepareRunWebhook, recordRunWebhook } from "@/lib/outbound-webhooks/run-webhook";

type FlowInputs = { flow: FlowRow; graph: FlowGraph; inputs: ResolvedInput[] };

async function flowInputs(userId: string, flowId: string, versionId?: string): Promise<FlowInputs> {
  const flow = await requireOwnFlow(flowId, userId);
  let graph = flow.graph;
  if (versionId !== undefined) {
    const version = isUuid(versionId) ? await getVersionForUser(versionId, flow.id, userId) : null;
    if (!version) throw new AppError("not_found", "This flow has no such version.", { field: "version" });
    graph = version.graph;
  }
  const { inputs, issues } = resolveInputs(graph, SAVE_CATALOG);
  if (issues.length) throw graphError(issues);
  return { flow, graph, inputs };
}

export async function inputSchemaOf(userId: string, flowId: string, versionId?: string) {
  const { flow, inputs } = await flowInputs(userId, flowId, versionId);
  return {
    ...inputsJsonSchema(inputs, flow.name),
    description: `The inputs of the flow “${flow.name}”: send them as \`inputs\` to POST /api/v1/flows/${flow.id}/runs.`,
  };
}

export async function runWithInputs(args: {
  userId: string;
  flowId: string;
  body: { inputs?: Record<string, unknown>; version?: string; webhook_url?: string };
}): Promise<{ run: FlowRunRow; webhookSecret: string | null }> {
  const { body } = args;
  const { flow, graph, inputs } = await flowInputs(args.userId, args.flowId, body.version);
  const parsed = parseInputs(inputs, body.inputs ?? {});
  if (!parsed.ok) throw new AppError("unprocessable", parsed.message, { field: parsed.field });
  const hook = body.webhook_url === undefined ? null : await prepareRunWebhook(body.webhook_url);
  try {
    const run = await startRun({
      flow,
      graph: applyInputs(graph, inputs, parsed.values),
      request: {},
      ...(hook && { onStarted: (tx, started) => recordRunWebhook(tx, started, hook) }),
    });
    return { run, webhookSecret: hook?.secret ?? null };
  } catch (error) {
    throw asInputError(error, inputs) ?? error;
  }
}

/** A refused graph whose problem sits in an exposed field is the caller's value: a 422 for it. */
function asInputError(error: unknown, inputs: readonly ResolvedInput[]): AppError | null {
  if (!isAppError(error) || error.code !== "bad_request") return null;
  const issues = (error.details?.issues ?? []) as GraphIssue[];
  for (const issue of issues) {
    const input = inputs.find((i) => i.node_id === issue.node_id && fills(i.field, issue.field));
    if (input) {
      const field = `inputs.${input.id}`;
      return new AppError("unprocessable", `${field}: ${issue.message}`, { field });
    }
  }
  return null;
}

/** Whether a problem reported at `issueField` of a node is about the exposed `field`. */
function fills(field: string, issueField: string): boolean {
  if (field === issueField) return true;
  if (field === "image") return issueField === "asset_id" || issueField === "url";
  const param = field.startsWith("params.") ? field.slice("params.".length) : null;
  return param !== null && issueField === `inputs.${param}`;
}
