// The handles a node draws. Which handles a node has is the shared graph rules' business
// (lib/flows/graph.ts `handlesOf`); this file only turns the answer into labelled rows.
import type { FlowCatalog, NodeHandles, PortKind } from "@/lib/flows/graph";
import { handlesOf } from "@/lib/flows/graph";
import type { EditorNode } from "./store/types";

export type PortType = PortKind;
export type Port = { name: string; type: PortKind; label: string; required: boolean };
export type NodePorts = { inputs: Port[]; outputs: Port[] };

const OUTPUT_LABEL: Record<PortKind, string> = { text: "Text", image: "Image", video: "Video" };

export function toPorts(handles: NodeHandles): NodePorts {
  return {
    inputs: handles.inputs.map((p) => ({ name: p.name, type: p.kind, label: p.label, required: p.required })),
    outputs: handles.output
      ? [{ name: handles.output, type: handles.output, label: OUTPUT_LABEL[handles.output], required: false }]
      : [],
  };
}

export function nodePorts(node: Pick<EditorNode, "type" | "data">, catalog: FlowCatalog): NodePorts {
  return toPorts(handlesOf(node as Parameters<typeof handlesOf>[0], catalog));
}

/** The ports of a node of `type` (with `model` for Generate and LLM nodes): all its handles depend on. */
export function portsFor(
  type: EditorNode["type"],
  model: string | undefined,
  catalog: FlowCatalog,
): NodePorts {
  const data =
    type === "generate" ? { model: model ?? "", params: {} } : type === "llm" ? { model, params: {} } : {};
  return nodePorts({ type, data } as Pick<EditorNode, "type" | "data">, catalog);
}
