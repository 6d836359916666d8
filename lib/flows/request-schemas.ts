import "server-only";
// Reading flow request bodies: the schemas are the contract's (lib/contracts/flows.ts); graphs
// go through parseGraph, which names the node at fault.
import { asBodyTooLarge } from "@/lib/api/body-limit";
import { AppError } from "@/lib/errors";
import { parseGraph } from "@/lib/flows/graph-error";
import type { FlowGraph } from "@/lib/flows/graph-schema";

/** Graphs are bigger than the usual bodies: 200 nodes with their parameters. */
export const FLOW_BODY_LIMIT = 1024 * 1024;

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
