// The store's connection check: the shared graph rules (lib/flows/graph.ts) with the catalog of
// the moment, answering only the reason a connection is refused (null when it is fine).
import { type FlowCatalog, type FlowNode, validateConnection } from "@/lib/flows/graph";
import type { ConnectionCheck } from "./flow-store";

export function connectionCheck(catalog: () => FlowCatalog): ConnectionCheck {
  return (graph, connection) => {
    const result = validateConnection(
      { nodes: graph.nodes as FlowNode[], edges: graph.edges },
      connection,
      catalog(),
    );
    return result.ok ? null : result.reason;
  };
}
