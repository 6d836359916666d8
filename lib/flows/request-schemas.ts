import "server-only";
// Request bodies of the flow routes. Strict: a key the route does not know is refused rather
// than ignored, so a mistyped field never silently does something else. Graphs are parsed by
// parseGraph, which names the node at fault.
import { z } from "zod";
import { asBodyTooLarge } from "@/lib/api/body-limit";
import { AppError } from "@/lib/errors";
import { parseGraph } from "@/lib/flows/graph-error";
import type { FlowGraph } from "@/lib/flows/graph-schema";

/** Graphs are bigger than the usual bodies: 200 nodes with their parameters. */
export const FLOW_BODY_LIMIT = 1024 * 1024;

const name = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");
const nodeIds = z.array(z.string().min(1).max(200)).max(200, "must name at most 200 nodes");

export const createFlowSchema = z.strictObject({
  name: name.optional(),
  graph: z.unknown().optional(),
  template: z.string().min(1).max(100).optional(),
});

export const patchFlowSchema = z.strictObject({
  name: name.optional(),
  graph: z.unknown().optional(),
  /** The revision the change was made on; a newer one saved meanwhile answers 409. */
  revision: z.int().positive().optional(),
});

export const runRequestSchema = z.strictObject({ targets: nodeIds.optional(), force: nodeIds.optional() });

/** An estimate may price the graph on screen before it is saved. */
export const estimateSchema = runRequestSchema.extend({ graph: z.unknown().optional() });

export const versionSchema = z.strictObject({ name });

export function graphOf(raw: unknown): FlowGraph | undefined {
  return raw === undefined ? undefined : parseGraph(raw);
}

/** A JSON body that may be left out entirely (an empty body reads as `{}`). */
export async function parseOptionalJson<T>(
  req: Request,
  schema: { parse: (value: unknown) => T },
): Promise<T> {
  let text: string;
  try {
    text = await req.text();
  } catch (error) {
    throw asBodyTooLarge(error) ?? error;
  }
  if (text.trim() === "") return schema.parse({});
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Request body must be valid JSON.");
  }
  return schema.parse(body);
}
