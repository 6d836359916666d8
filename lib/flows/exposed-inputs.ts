// A flow's inputs: the node fields its owner exposed (graph `inputs`, lib/flows/graph-schema.ts),
// resolved against the graph into what each takes, its default and whether a run must give it.
// Pure and browser-safe: the editor, the simple form and the API read the same answer.
import type { FlowCatalog } from "@/lib/flows/catalog";
import type { FlowGraph, FlowInput, FlowNode } from "@/lib/flows/graph-schema";
import { MAX_TEXT_LENGTH } from "@/lib/flows/graph-schema";
import { handlesOf, targetPort } from "@/lib/flows/handles";
import { inputValueSchema } from "@/lib/flows/input-schema";
import type { GraphIssue } from "@/lib/flows/validate-graph";
import type { ParamOption } from "@/lib/models/params";

export type InputKind = "text" | "image" | "integer" | "number" | "enum" | "boolean";

/** A field of a node that can be asked for, with what it takes and what the node holds now. */
export type ExposableField = {
  field: string;
  label: string;
  kind: InputKind;
  maxLength?: number;
  min?: number;
  max?: number;
  step?: number;
  options?: ParamOption[];
  help?: string;
  /** The node's value now; undefined when it has none. */
  current: unknown;
  /** A run cannot do without a value (a Text node's text, a required setting). */
  needed: boolean;
};

/** An exposed input as a run sees it: its field's facts, the default it falls back to. */
export type ResolvedInput = ExposableField & {
  id: string;
  node_id: string;
  /** The input's default, else the node's value; undefined when a run must give one. */
  default: unknown;
  required: boolean;
};

const PARAM_KINDS: Record<string, InputKind | undefined> = {
  string: "text",
  integer: "integer",
  number: "number",
  enum: "enum",
  boolean: "boolean",
};

/** The fields of `node` that can be inputs: not images a connection brings, not what an edge fills. */
export function exposableFields(graph: FlowGraph, node: FlowNode, catalog: FlowCatalog): ExposableField[] {
  switch (node.type) {
    case "text":
      return [
        {
          field: "text",
          label: node.data.label || "Text",
          kind: "text",
          maxLength: MAX_TEXT_LENGTH,
          current: node.data.text.trim() ? node.data.text : undefined,
          needed: true,
        },
      ];
    case "image":
      return [
        {
          field: "image",
          label: "Image",
          kind: "image",
          current: node.data.asset_id ?? node.data.url,
          needed: true,
        },
      ];
    case "generate": {
      const model = catalog.get(node.data.model);
      if (!model) return [];
      const filled = connectedParams(graph, node, catalog);
      return model.params.flatMap((p): ExposableField[] => {
        const kind = PARAM_KINDS[p.type];
        if (!kind || filled.has(p.name)) return [];
        return [
          {
            field: `params.${p.name}`,
            label: p.label,
            kind,
            ...(p.maxLength !== undefined && { maxLength: p.maxLength }),
            ...(p.min !== undefined && { min: p.min }),
            ...(p.max !== undefined && { max: p.max }),
            ...(p.step !== undefined && { step: p.step }),
            ...(p.options && { options: p.options }),
            ...(p.help && { help: p.help }),
            current: node.data.params[p.name] ?? p.default,
            needed: p.required,
          },
        ];
      });
    }
    case "llm":
    case "output":
      return [];
  }
}

/** The parameters of a node that its connected inputs fill. */
function connectedParams(graph: FlowGraph, node: FlowNode, catalog: FlowCatalog): Set<string> {
  const handles = handlesOf(node, catalog);
  const params = new Set<string>();
  for (const edge of graph.edges)
    if (edge.target === node.id) {
      const param = targetPort(handles, edge.targetHandle)?.param;
      if (param) params.add(param);
    }
  return params;
}

/** Why an exposure cannot stand, or null; `unknown` when the node's model is not in the catalog. */
function exposureProblem(
  graph: FlowGraph,
  input: FlowInput,
  node: FlowNode | undefined,
  catalog: FlowCatalog,
): { field?: ExposableField; problem: string | null; unknown?: true } {
  if (!node) return { problem: `there is no node “${input.node_id}” in this flow` };
  if (node.type === "generate" && !catalog.has(node.data.model)) return { problem: null, unknown: true };
  const field = exposableFields(graph, node, catalog).find((f) => f.field === input.field);
  if (field) return { field, problem: null };
  const param = input.field.startsWith("params.") ? input.field.slice("params.".length) : null;
  if (node.type === "generate" && param && connectedParams(graph, node, catalog).has(param))
    return { problem: "a connection fills this field; expose the node it comes from instead" };
  return { problem: "this field of the node cannot be an input" };
}

/** The flow's inputs in form order, and every problem with them, each naming its node and field. */
export function resolveInputs(
  graph: FlowGraph,
  catalog: FlowCatalog,
): { inputs: ResolvedInput[]; issues: GraphIssue[] } {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const inputs: ResolvedInput[] = [];
  const issues: GraphIssue[] = [];
  const names = new Set<string>();
  const fields = new Map<string, string>();
  for (const input of graph.inputs ?? []) {
    const issue = (message: string) =>
      issues.push({
        node_id: input.node_id,
        field: input.field,
        message: `Input “${input.id}”: ${message}.`,
      });
    if (names.has(input.id)) issue("another input has this name");
    const where = `${input.node_id}\u0000${input.field}`;
    const twin = fields.get(where);
    if (twin !== undefined) issue(`this field is already input “${twin}”`);
    names.add(input.id);
    fields.set(where, input.id);
    const { field, problem } = exposureProblem(graph, input, byId.get(input.node_id), catalog);
    if (problem) issue(problem);
    if (!field) continue;
    if (input.default !== undefined) {
      const checked = inputValueSchema(field).safeParse(input.default);
      if (!checked.success) {
        issue(`default ${checked.error.issues[0]?.message ?? "is not valid"}`);
        continue;
      }
    }
    const fallback = input.default ?? field.current;
    const usable = fallback !== undefined && inputValueSchema(field).safeParse(fallback).success;
    inputs.push({
      ...field,
      id: input.id,
      node_id: input.node_id,
      label: input.label,
      default: usable ? fallback : undefined,
      required: !usable,
    });
  }
  return { inputs, issues };
}

/**
 * The exposures that still fit the graph after an edit (a node deleted, a field connected, a
 * model changed). One whose node's model is unknown here is kept: the catalog decides later.
 */
export function fittingInputs(graph: FlowGraph, catalog: FlowCatalog): FlowInput[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const kept = (graph.inputs ?? []).filter(
    (input) => exposureProblem(graph, input, byId.get(input.node_id), catalog).problem === null,
  );
  return kept.length === (graph.inputs ?? []).length ? (graph.inputs ?? []) : kept;
}
