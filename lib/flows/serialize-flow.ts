import "server-only";
import type { FlowRow } from "@/lib/db/flows";

/** A flow as its owner reads it: the graph, and the revision to send back with the next save. */
export function serializeFlow(flow: FlowRow) {
  return {
    id: flow.id,
    name: flow.name,
    graph: flow.graph,
    revision: flow.revision,
    created_at: flow.created_at.toISOString(),
    updated_at: flow.updated_at.toISOString(),
  };
}
