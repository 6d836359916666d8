// A catalog model's ports as flow handles: the typed inputs a flow can connect and the one
// output it makes. The catalog declares them (`model.ports`, lib/models/ports.ts); a handle only
// needs to know text from image (a list or a mask is images too) and how many edges an input
// takes. A model without declared ports has them read from its parameters. Pure and
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

/** Ports as the catalog declares them (lib/models/ports.ts): lists and masks are images too. */
export type DeclaredPorts = {
  inputs: readonly { name: string; kind: string; required: boolean; label: string }[];
  output: string;
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
      const list = port.kind === "images" || LIST_PORTS.has(port.name);
      return {
        name: port.name,
        kind: port.kind === "text" ? "text" : "image",
        required: port.required,
        label: port.label,
        max: list ? (param?.max ?? DEFAULT_LIST_MAX) : 1,
        param: port.name,
      };
    }),
    output: outputKind(ports.output),
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
