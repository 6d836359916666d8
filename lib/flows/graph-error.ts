// A graph the API refuses answers 400 with the first problem as the message and every problem
// in `issues`, each naming its node and field, so the editor can mark them all.
import { AppError } from "@/lib/errors";
import { type FlowGraph, flowGraphSchema } from "@/lib/flows/graph-schema";
import type { GraphIssue } from "@/lib/flows/validate-graph";

export function graphError(issues: readonly GraphIssue[]): AppError {
  const first = issues[0] ?? { node_id: null, field: "graph", message: "This graph is not valid." };
  const where = first.node_id ? `Node “${first.node_id}”: ` : "";
  return new AppError("bad_request", `${where}${first.message}`, {
    field: first.field,
    details: { node_id: first.node_id, issues },
  });
}

/** Parses a graph from a request body; a schema error names the node by its id, not its index. */
export function parseGraph(raw: unknown): FlowGraph {
  const parsed = flowGraphSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 20).map((issue): GraphIssue => {
    const [list, index, ...rest] = issue.path;
    const items =
      list === "nodes" || list === "edges" || list === "inputs"
        ? (raw as Record<string, unknown[]>)[list]
        : undefined;
    const item =
      typeof index === "number"
        ? (items?.[index] as
            | { id?: unknown; target?: unknown; node_id?: unknown; field?: unknown }
            | undefined)
        : undefined;
    const id = typeof item?.id === "string" ? item.id : null;
    if (list === "nodes" && item)
      return {
        node_id: id,
        field: fieldOf(rest.filter((p) => p !== "data")) || "type",
        message: messageOf(rest, issue.message),
      };
    if (list === "edges" && item)
      return {
        node_id: typeof item.target === "string" ? item.target : null,
        ...(id && { edge_id: id }),
        field: fieldOf(rest) || "edges",
        message: messageOf(rest, issue.message),
      };
    // An exposed input names the node field it asks for: the problem is that node's and field's.
    if (list === "inputs" && item && typeof item.node_id === "string" && typeof item.field === "string")
      return {
        node_id: item.node_id,
        field: item.field,
        message: `Input ${typeof item.id === "string" ? `“${item.id}”` : `#${Number(index) + 1}`}: ${messageOf(rest, issue.message)}`,
      };
    return {
      node_id: null,
      field: fieldOf(issue.path) || "graph",
      message: messageOf(issue.path, issue.message),
    };
  });
  throw graphError(issues);
}

const fieldOf = (path: readonly PropertyKey[]) => path.map(String).join(".");

function messageOf(path: readonly PropertyKey[], message: string): string {
  const field = fieldOf(path.filter((p) => p !== "data"));
  return field ? `${field}: ${message}` : message;
}
