// A model's typed inputs and output, read from its parameters. Every model names the same kind
// of input the same way (the adapter maps it to the provider's own field), so a form, a tool page
// or a flow node can wire any model by these names without knowing the provider.
import type { ParamDescriptor } from "./params";

/** Input names shared by every model; other parameters are plain settings. */
export const PORT_NAMES = [
  "prompt",
  "image",
  "mask",
  "reference_images",
  "first_frame",
  "last_frame",
] as const;
export type PortName = (typeof PORT_NAMES)[number];

export type PortKind = "text" | "image" | "images" | "mask";
export type OutputKind = "image" | "video" | "text";

export type InputPort = { name: PortName; kind: PortKind; required: boolean; label: string };
export type ModelPorts = { inputs: InputPort[]; output: OutputKind };

/** The kind each port carries; a parameter under that name must have the matching type. */
const PORT_KINDS: Record<PortName, PortKind> = {
  prompt: "text",
  image: "image",
  mask: "mask",
  reference_images: "images",
  first_frame: "image",
  last_frame: "image",
};

/** Ports that take images (an asset id, an upload URL or an output URL). */
export const IMAGE_PORTS: ReadonlySet<string> = new Set([
  "image",
  "mask",
  "reference_images",
  "first_frame",
  "last_frame",
]);

const PARAM_TYPE_OF: Record<PortKind, ParamDescriptor["type"]> = {
  text: "string",
  image: "image",
  mask: "image",
  images: "images",
};

export function isPortName(name: string): name is PortName {
  return (PORT_NAMES as readonly string[]).includes(name);
}

/**
 * The ports of a model with these parameters. Throws when an image parameter is not named after
 * a port, or a port name carries the wrong type, so a catalog entry that breaks the convention
 * fails as soon as the catalog loads (and in its unit test), never in a flow at run time.
 */
export function portsOf(modelId: string, params: readonly ParamDescriptor[], output: OutputKind): ModelPorts {
  const inputs: InputPort[] = [];
  for (const param of params) {
    const isImage = param.type === "image" || param.type === "images";
    if (!isPortName(param.name)) {
      if (isImage) throw new Error(`${modelId}: image input "${param.name}" must be named after a port`);
      continue;
    }
    const kind = PORT_KINDS[param.name];
    if (PARAM_TYPE_OF[kind] !== param.type)
      throw new Error(
        `${modelId}: "${param.name}" must be of type ${PARAM_TYPE_OF[kind]}, not ${param.type}`,
      );
    inputs.push({ name: param.name, kind, required: param.required, label: param.label });
  }
  return { inputs, output };
}
