import "server-only";
// A user's own actions on their flows: create (blank, from a graph or a template), read, save,
// duplicate, delete. A saved graph must be well formed; it need not be complete, so a half-built
// flow autosaves. Someone else's flow, like a missing one, is a 404.
import { sql } from "@/lib/db/client";
import {
  deleteFlowRow,
  type FlowRow,
  type FlowUpdate,
  getFlowForUser,
  insertFlow,
  updateFlow,
} from "@/lib/db/flows";
import { AppError } from "@/lib/errors";
import { cancelRun } from "@/lib/flows/cancel-run";
import { graphError } from "@/lib/flows/graph-error";
import { EMPTY_GRAPH, type FlowGraph } from "@/lib/flows/graph-schema";
import { SAVE_CATALOG } from "@/lib/flows/server-catalog";
import { findTemplate } from "@/lib/flows/templates";
import { validateGraph } from "@/lib/flows/validate-graph";
import type { Logger } from "@/lib/log";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);

export async function requireOwnFlow(id: string, userId: string): Promise<FlowRow> {
  const row = isUuid(id) ? await getFlowForUser(id, userId) : null;
  if (!row) throw new AppError("not_found", "Flow not found.");
  return row;
}

/** Refuses a graph that could never run as drawn: unknown models, wrong or doubled edges, loops. */
export function assertWellFormed(graph: FlowGraph): void {
  const issues = validateGraph(graph, SAVE_CATALOG);
  if (issues.length) throw graphError(issues);
}

export async function createFlow(args: {
  userId: string;
  name?: string;
  graph?: FlowGraph;
  template?: string;
}): Promise<FlowRow> {
  let graph = args.graph ?? EMPTY_GRAPH;
  let name = args.name;
  if (args.template !== undefined) {
    const template = findTemplate(args.template);
    if (!template)
      throw new AppError("bad_request", `template: no template “${args.template}”.`, { field: "template" });
    graph = structuredClone(template.graph);
    name ??= template.name;
  }
  assertWellFormed(graph);
  return insertFlow(args.userId, name ?? "Untitled flow", graph);
}

export async function saveFlow(id: string, userId: string, change: FlowUpdate): Promise<FlowRow> {
  await requireOwnFlow(id, userId);
  if (change.graph) assertWellFormed(change.graph);
  const saved = await updateFlow(id, userId, change);
  if (saved === "conflict")
    throw new AppError("conflict", "This flow was changed elsewhere; reload it to see the latest version.", {
      field: "revision",
    });
  if (!saved) throw new AppError("not_found", "Flow not found.");
  return saved;
}

export async function duplicateFlow(id: string, userId: string): Promise<FlowRow> {
  const flow = await requireOwnFlow(id, userId);
  return insertFlow(userId, `${flow.name} (copy)`.slice(0, 100), flow.graph);
}

/** Running runs are canceled first, so their reservations are released before the rows go. */
export async function deleteFlow(id: string, userId: string, log: Logger): Promise<void> {
  const flow = await requireOwnFlow(id, userId);
  // A run started meanwhile keeps the row (deleteFlowRow refuses while one runs): cancel again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const running = await sql<{ id: string }[]>`
      select id from flow_runs where flow_id = ${flow.id} and status = 'running'`;
    for (const run of running) await cancelRun(run.id, userId, log);
    if (await deleteFlowRow(flow.id, userId)) return;
    if (!(await getFlowForUser(flow.id, userId))) throw new AppError("not_found", "Flow not found.");
  }
  throw new AppError("conflict", "This flow keeps starting runs; try again.");
}
