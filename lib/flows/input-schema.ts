// A flow's inputs as one zod schema: it checks what a run was given (an error names
// `inputs.<name>`), fills in the defaults, and is what the published JSON Schema is generated
// from, so the schema a caller reads and the check a run passes cannot differ. Applying the
// values writes them into a copy of the graph, which then runs like any other.
import { z } from "zod";
import type { ExposableField, ResolvedInput } from "@/lib/flows/exposed-inputs";
import type { FlowGraph, FlowNode } from "@/lib/flows/graph-schema";
import { isAssetId, type OptionValue } from "@/lib/models/params";

const MAX_URL_LENGTH = 2048;
const typeError = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "is required" : `must be ${expected}`;
const isHttpUrl = (value: string) => /^https?:\/\//i.test(value) && URL.canParse(value);

export const IMAGE_INPUT_DESCRIPTION =
  "An image: the id of one of your assets (an upload or an output), or an http(s) URL.";

/** What one field accepts, the same rules as the node's own field. */
export function inputValueSchema(field: Pick<ExposableField, Exclude<keyof ExposableField, "current">>) {
  switch (field.kind) {
    case "text": {
      let schema = z
        .string({ error: typeError("text") })
        .trim()
        .max(field.maxLength ?? 4000, `must be at most ${field.maxLength ?? 4000} characters`);
      if (field.needed) schema = schema.min(1, "must not be empty");
      return schema;
    }
    case "image":
      return z
        .string({ error: typeError("an asset id or an image URL") })
        .trim()
        .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`)
        .refine((v) => isAssetId(v) || isHttpUrl(v), "must be an asset id or an http(s) URL")
        .meta({ description: IMAGE_INPUT_DESCRIPTION });
    case "integer":
    case "number": {
      let schema =
        field.kind === "integer"
          ? z.int({ error: typeError("a whole number") })
          : z.number({ error: typeError("a number") });
      if (field.min !== undefined) schema = schema.min(field.min, `must be at least ${field.min}`);
      if (field.max !== undefined) schema = schema.max(field.max, `must be at most ${field.max}`);
      return schema;
    }
    case "enum": {
      const values = (field.options ?? []).map((o) => o.value) as [OptionValue, ...OptionValue[]];
      return z.literal(values, { error: `must be one of: ${values.join(", ")}` });
    }
    case "boolean":
      return z.boolean({ error: typeError("true or false") });
  }
}

/** The inputs object: each input by name, defaults filled in, nothing else allowed. */
export function inputsSchema(inputs: readonly ResolvedInput[], title?: string) {
  const shape: Record<string, z.ZodType> = {};
  for (const input of inputs) {
    const value: z.ZodType = inputValueSchema(input).meta({
      title: input.label,
      ...(input.help && { description: input.help }),
      ...(input.kind === "image" && { description: IMAGE_INPUT_DESCRIPTION }),
    });
    shape[input.id] = input.required ? value : (value as z.ZodType<unknown>).default(input.default);
  }
  const schema = z.strictObject(shape);
  return title ? schema.meta({ title }) : schema;
}

/** JSON Schema (draft 2020-12) of what `POST …/runs` takes as `inputs`, properties in form order. */
export function inputsJsonSchema(inputs: readonly ResolvedInput[], title: string): Record<string, unknown> {
  return z.toJSONSchema(inputsSchema(inputs, title), { io: "input" }) as Record<string, unknown>;
}

export type ParsedInputs =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; field: string; message: string };

/** Checks a run's inputs; a problem names `inputs.<name>` (or `inputs` when it is no object). */
export function parseInputs(inputs: readonly ResolvedInput[], raw: unknown): ParsedInputs {
  const parsed = inputsSchema(inputs).safeParse(raw ?? {});
  if (parsed.success) return { ok: true, values: parsed.data as Record<string, unknown> };
  const issue = parsed.error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    return { ok: false, field: `inputs.${key}`, message: `inputs.${key}: is not an input of this flow` };
  }
  const name = issue?.path[0];
  if (name === undefined)
    return { ok: false, field: "inputs", message: "inputs: must be an object of input values" };
  const field = `inputs.${String(name)}`;
  return { ok: false, field, message: `${field}: ${issue?.message ?? "is not valid"}` };
}

/** A copy of the graph with each given value written into its node's field. */
export function applyInputs(
  graph: FlowGraph,
  inputs: readonly ResolvedInput[],
  values: Readonly<Record<string, unknown>>,
): FlowGraph {
  const changes = new Map<string, ResolvedInput[]>();
  for (const input of inputs) {
    const value = values[input.id];
    // The node's own value needs no writing (and an image keeps its preview link).
    if (value === undefined || value === input.current) continue;
    changes.set(input.node_id, [...(changes.get(input.node_id) ?? []), input]);
  }
  if (changes.size === 0) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const mine = changes.get(node.id);
      return mine ? mine.reduce((n, input) => withValue(n, input.field, values[input.id]), node) : node;
    }),
  };
}

function withValue(node: FlowNode, field: string, value: unknown): FlowNode {
  if (node.type === "text" && field === "text")
    return { ...node, data: { ...node.data, text: String(value) } };
  if (node.type === "image" && field === "image") {
    const { asset_id: _asset, url: _url, ...rest } = node.data;
    const ref = String(value);
    return { ...node, data: isAssetId(ref) ? { ...rest, asset_id: ref } : { ...rest, url: ref } };
  }
  if (node.type === "generate" && field.startsWith("params.")) {
    const name = field.slice("params.".length);
    return { ...node, data: { ...node.data, params: { ...node.data.params, [name]: value } } };
  }
  return node;
}
