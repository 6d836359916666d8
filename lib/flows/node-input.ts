// A Generate or LLM node's model input: its own parameters, with each connected input filled
// from what flows into it. Used twice: to plan (upstream results not made yet stand in as
// placeholders, so the parameters can be validated and priced) and to start the node (real
// text, real files). Pure; the files' signed links are made by the caller.
import type { FlowEdge, NodeOf } from "@/lib/flows/graph-schema";
import { type NodeHandles, targetPort } from "@/lib/flows/handles";
import { llmModelParams, withInstruction } from "@/lib/flows/llm-step";
import { catalogVersion, nodeKey } from "@/lib/flows/node-key";
import type { ModelDefinition } from "@/lib/models-config";
import { validateModelInput } from "@/lib/models-config";

/** What one node gives the nodes after it. */
export type NodeValue = {
  key: string;
  text?: string;
  /** A stored file: the asset and where it is. */
  asset?: { id: string; path: string };
  /** An external image link. */
  url?: string;
  /** The generation that made it. */
  generationId?: string;
};

/** Stands in for a file not made yet while planning; never sent anywhere. */
export const PLACEHOLDER_URL = "https://placeholder.invalid/flow-input.png";
const PLACEHOLDER_TEXT = "(text from an earlier step)";

export type BuiltInput = {
  /** The validated model input. */
  input: Record<string, unknown>;
  /** The node's key, or null while an input is not known yet. */
  key: string | null;
  /** Files consumed, by parameter and place: the generation's input edges. */
  files: { param: string; position: number; assetId: string }[];
};

export type BuildResult = { ok: true; built: BuiltInput } | { ok: false; field: string; message: string };

/**
 * `values` holds what each upstream node gives, or nothing yet (planning); `signed` turns a
 * stored file into a link the provider can fetch (planning passes a placeholder).
 */
export function buildNodeInput(args: {
  node: NodeOf<"generate"> | NodeOf<"llm">;
  model: ModelDefinition;
  handles: NodeHandles;
  edges: readonly FlowEdge[];
  values: ReadonlyMap<string, NodeValue | undefined>;
  signed: (asset: { id: string; path: string }) => string;
}): BuildResult {
  const { node, model, handles } = args;
  const { params: own, instruction } =
    node.type === "llm" ? llmModelParams(node) : { params: node.data.params, instruction: "" };
  const raw: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(own)) if (value !== null) raw[name] = value;
  const inputs: Record<string, string[]> = {};
  const files: BuiltInput["files"] = [];
  /** Parameter → the input filling it. */
  const connected = new Map<string, string>();
  let known = true;
  for (const edge of args.edges) {
    if (edge.target !== node.id) continue;
    const port = targetPort(handles, edge.targetHandle);
    if (!port?.param) continue;
    const value = args.values.get(edge.source);
    if (!value) known = false;
    const list = inputs[port.name] ?? [];
    inputs[port.name] = list;
    list.push(value?.key ?? "");
    const position = list.length - 1;
    let given: string;
    if (port.kind === "text") given = value ? (value.text ?? "") : PLACEHOLDER_TEXT;
    else if (value?.asset) {
      given = args.signed(value.asset);
      files.push({ param: port.param, position, assetId: value.asset.id });
    } else given = value?.url ?? PLACEHOLDER_URL;
    if (!connected.has(port.param)) raw[port.param] = port.max > 1 ? [] : undefined;
    connected.set(port.param, port.name);
    if (port.max > 1) (raw[port.param] as string[]).push(given);
    else raw[port.param] = given;
  }
  if (instruction) raw.prompt = withInstruction(raw.prompt, instruction);
  const validated = validateModelInput(model, raw);
  if (!validated.ok) return { ok: false, ...splitField(validated.error, connected, node.type) };
  const input = { ...validated.input };
  const params = Object.fromEntries(Object.entries(input).filter(([name]) => !connected.has(name)));
  // A connected prompt is keyed by what flows into it; the instruction added to it, here.
  if (instruction) params.instruction = instruction;
  const key = known
    ? nodeKey({ type: node.type, model: model.id, catalogVersion: catalogVersion(model), params, inputs })
    : null;
  return { ok: true, built: { input, key, files } };
}

/** "num_outputs: must be at most 4" → the node's field and the message. */
function splitField(
  error: string,
  connected: ReadonlyMap<string, string>,
  type: "generate" | "llm",
): { field: string; message: string } {
  const at = error.indexOf(": ");
  if (at <= 0) return { field: "params", message: error };
  const param = error.slice(0, at);
  const port = connected.get(param);
  if (port) return { field: `inputs.${port}`, message: error };
  // An LLM node calls the model's task its mode.
  if (type === "llm" && param === "task") return { field: "params.mode", message: `mode${error.slice(at)}` };
  return { field: `params.${param}`, message: error };
}
