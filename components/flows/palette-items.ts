// What the palette offers: one entry per kind of node, and one per catalog tool, each with the
// node it creates. Generate entries start on the first catalog model that fits.
import type { LucideIcon } from "lucide-react";
import { ClapperboardIcon } from "lucide-react";
import type { LiteModel } from "@/lib/models-lite";
import { KIND_LOOK, toolLook } from "./nodes/node-kinds";
import type { EditorNode, NodeKind } from "./store/types";

export const DEFAULT_LLM_MODEL = "gemini-2-5-flash";

export type PaletteItem = {
  key: string;
  group: "Inputs" | "Generate" | "Tools" | "Text" | "Results";
  label: string;
  description: string;
  icon: LucideIcon;
  accent: string;
  create: () => Pick<EditorNode, "type" | "data">;
};

const TOOL_CAPABILITIES = ["upscale", "background-removal"];
const isTool = (m: LiteModel) => m.capabilities.some((c) => TOOL_CAPABILITIES.includes(c));

export function paletteItems(models: readonly LiteModel[]): PaletteItem[] {
  const look = (kind: NodeKind) => KIND_LOOK[kind];
  const generate = (model: LiteModel) => () => ({
    type: "generate" as const,
    data: { model: model.id, params: {} },
  });
  const items: PaletteItem[] = [
    {
      key: "text",
      group: "Inputs",
      label: "Text",
      description: "A prompt or any text",
      ...look("text"),
      create: () => ({ type: "text", data: { text: "" } }),
    },
    {
      key: "image",
      group: "Inputs",
      label: "Image input",
      description: "Upload or pick from history",
      ...look("image"),
      create: () => ({ type: "image", data: {} }),
    },
  ];
  const image = models.find((m) => m.capabilities.includes("text-to-image"));
  if (image)
    items.push({
      key: "generate-image",
      group: "Generate",
      label: "Generate image",
      description: "Any image model",
      ...look("generate"),
      create: generate(image),
    });
  const video = models.find((m) => m.kind === "video");
  if (video)
    items.push({
      key: "generate-video",
      group: "Generate",
      label: "Generate video",
      description: "Any video model",
      ...look("generate"),
      icon: ClapperboardIcon,
      create: generate(video),
    });
  for (const tool of models.filter(isTool)) {
    const { icon, title } = toolLook(tool.capabilities);
    items.push({
      key: `tool-${tool.id}`,
      group: "Tools",
      label: title ?? tool.name,
      description: tool.name,
      accent: look("generate").accent,
      icon: icon ?? look("generate").icon,
      create: generate(tool),
    });
  }
  items.push(
    {
      key: "llm",
      group: "Text",
      label: "LLM text",
      description: "Enhance or brainstorm a prompt",
      ...look("llm"),
      create: () => ({ type: "llm", data: { model: DEFAULT_LLM_MODEL, params: { mode: "enhance" } } }),
    },
    {
      key: "output",
      group: "Results",
      label: "Output",
      description: "Collects results",
      ...look("output"),
      create: () => ({ type: "output", data: {} }),
    },
  );
  return items;
}
