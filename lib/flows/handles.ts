// Which handles a node has. Source handles are named after the kind they give (`text`, `image`,
// `video`), target handles after the input they fill (`prompt`, `image`, `reference_images`…),
// and a Generate or LLM node takes them from its model's ports.
import type { FlowCatalog } from "@/lib/flows/catalog";
import type { FlowNode } from "@/lib/flows/graph-schema";
import { type InputPort, type PortKind, portsOf } from "@/lib/flows/ports";

export type NodeHandles = {
  inputs: InputPort[];
  /** The kind its one source handle gives; null for a node that gives nothing (Output). */
  output: PortKind | null;
};

/** Edges an Output node collects per kind: enough for any graph within the edge limit. */
const OUTPUT_MAX = 500;

const OUTPUT_INPUTS: InputPort[] = [
  { name: "image", kind: "image", required: false, label: "Images", max: OUTPUT_MAX },
  { name: "video", kind: "video", required: false, label: "Videos", max: OUTPUT_MAX },
  { name: "text", kind: "text", required: false, label: "Text", max: OUTPUT_MAX },
];

/** An LLM node's handles until its model declares its own. */
const LLM_INPUTS: InputPort[] = [
  { name: "prompt", kind: "text", required: true, label: "Prompt", max: 1, param: "prompt" },
];

export function handlesOf(node: FlowNode, catalog: FlowCatalog): NodeHandles {
  switch (node.type) {
    case "text":
      return { inputs: [], output: "text" };
    case "image":
      return { inputs: [], output: "image" };
    case "output":
      return { inputs: OUTPUT_INPUTS, output: null };
    case "generate": {
      const model = catalog.get(node.data.model);
      return model ? portsOf(model) : { inputs: [], output: null };
    }
    case "llm": {
      const model = node.data.model ? catalog.get(node.data.model) : undefined;
      const ports = model ? portsOf(model) : null;
      return { inputs: ports?.inputs.length ? ports.inputs : LLM_INPUTS, output: "text" };
    }
  }
}

/** The source handle an edge leaves from: its name, or the node's only one when unnamed. */
export function sourceKind(handles: NodeHandles, sourceHandle: string | null | undefined): PortKind | null {
  if (!handles.output) return null;
  if (sourceHandle == null || sourceHandle === handles.output) return handles.output;
  return null;
}

/** The input an edge arrives on; an unnamed handle means the node's only input. */
export function targetPort(handles: NodeHandles, targetHandle: string | null | undefined): InputPort | null {
  if (targetHandle == null) return handles.inputs.length === 1 ? (handles.inputs[0] ?? null) : null;
  return handles.inputs.find((p) => p.name === targetHandle) ?? null;
}
