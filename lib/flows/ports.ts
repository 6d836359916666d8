// A catalog model's ports: the typed inputs a flow can connect and the one output it makes.
// The one place that reads ports off a model, so the flow code does not care whether the
// catalog declares them (`model.ports`) or they are derived from its parameters. Pure and
// browser-safe: the editor and the engine use the same answer.
import type { ParamDescriptor } from "@/lib/models/params";

export const PORT_KINDS = ["text", "image", "video"] as const;
export type PortKind = (typeof PORT_KINDS)[number];

export const INPUT_PORT_NAMES = [
  "prompt",
  "image",
  "mask",
  "reference_images",
  "first_frame",
  "last_frame",
] as const;
export type InputPortName = (typeof INPUT_PORT_NAMES)[number];

/** One input a node can be connected on. */
export type InputPort = {
  name: string;
  kind: PortKind;
  required: boolean;
  label: string;
  /** How many edges it takes: 1, or the most images a list input holds. */
  max: number;
  /** The model parameter it fills (absent on inputs that fill none, such as an Output's). */
  param?: string;
};

export type ModelPorts = { inputs: InputPort[]; output: PortKind };

/** Ports as a catalog declares them, once it does. */
export type DeclaredPorts = {
  inputs: readonly { name: string; kind: PortKind; required: boolean; label: string }[];
  output: PortKind;
};

/** What ports are read from: a catalog model as the server or the browser holds it. */
export type PortSource = {
  kind: string;
  params: readonly ParamDescriptor[];
  ports?: DeclaredPorts;
};

/** Input ports that hold several images; the rest take one edge. */
const LIST_PORTS: ReadonlySet<string> = new Set(["reference_images"]);
const DEFAULT_LIST_MAX = 4;

export function portsOf(model: PortSource): ModelPorts {
  if (model.ports) return declared(model.ports, model.params);
  const inputs: InputPort[] = [];
  for (const p of model.params) {
    const name = portNameOf(p, model.kind);
    if (!name) continue;
    inputs.push({
      name,
      kind: name === "prompt" ? "text" : "image",
      required: p.required,
      label: p.label,
      max: p.type === "images" ? (p.max ?? DEFAULT_LIST_MAX) : 1,
      param: p.name,
    });
  }
  return { inputs, output: outputKind(model.kind) };
}

function declared(ports: DeclaredPorts, params: readonly ParamDescriptor[]): ModelPorts {
  return {
    inputs: ports.inputs.map((port) => {
      const param = params.find((p) => p.name === port.name);
      const max = LIST_PORTS.has(port.name) ? (param?.max ?? DEFAULT_LIST_MAX) : 1;
      return { ...port, max, param: port.name };
    }),
    output: ports.output,
  };
}

/** Today's parameter names to port names: `image_url` is a video's first frame, an image's image. */
function portNameOf(p: ParamDescriptor, modelKind: string): InputPortName | null {
  if (p.name === "prompt" && p.type === "string") return "prompt";
  if (p.type === "images") return "reference_images";
  if (p.type !== "image") return null;
  if (p.name.includes("mask")) return "mask";
  if (p.name.startsWith("last_frame")) return "last_frame";
  if (p.name.startsWith("first_frame")) return "first_frame";
  return modelKind === "video" ? "first_frame" : "image";
}

function outputKind(modelKind: string): PortKind {
  return modelKind === "video" ? "video" : modelKind === "text" ? "text" : "image";
}
