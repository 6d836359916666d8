// A new exposed input for a node field: a name a script can use (the field's own, made unique
// in the flow) and a label people read. Pure, so it is tested without React.
import type { ExposableField, FlowGraph, FlowInput } from "@/lib/flows/graph";
import { INPUT_NAME } from "@/lib/flows/graph";

/** `field`'s name as an input: a Text node that feeds a prompt is the flow's "prompt". */
function baseName(graph: Pick<FlowGraph, "edges">, nodeId: string, field: ExposableField): string {
  if (field.field === "text")
    return graph.edges.some((e) => e.source === nodeId && e.targetHandle === "prompt") ? "prompt" : "text";
  const raw = field.field.startsWith("params.") ? field.field.slice("params.".length) : field.field;
  const name = raw.replace(/[^A-Za-z0-9_]/g, "_").slice(0, 36);
  return /^[A-Za-z]/.test(name) ? name : `input_${name}`.slice(0, 36);
}

export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

export function newInput(
  graph: Pick<FlowGraph, "edges"> & { inputs: readonly FlowInput[] },
  nodeId: string,
  field: ExposableField,
): FlowInput {
  const base = baseName(graph, nodeId, field);
  const id = uniqueName(base, new Set(graph.inputs.map((i) => i.id)));
  const label = base === "prompt" && field.field === "text" ? "Prompt" : field.label;
  return { id, node_id: nodeId, field: field.field, label };
}

/** Why `name` cannot name an input of this flow (null when it can). */
export function nameProblem(name: string, others: readonly FlowInput[]): string | null {
  if (!INPUT_NAME.test(name)) return "Letters, digits and _ only, starting with a letter (at most 40).";
  if (others.some((i) => i.id === name)) return "Another input has this name.";
  return null;
}

/** The list with the input at `index` moved one place up (-1) or down (+1). */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to] as T, next[index] as T];
  return next;
}
