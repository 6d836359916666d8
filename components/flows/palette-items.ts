// What the palette offers: one entry per kind of node and one per catalog tool, each with the
// node it creates. Model entries start on the first catalog model that serves the tool, so a
// model added to the catalog shows up here without a change.
import type { LucideIcon } from "lucide-react";
import { ClapperboardIcon, WandSparklesIcon } from "lucide-react";
import { modelsForTool, TOOL_LABELS, type Tool } from "@/lib/models/tools";
import type { LiteModel } from "@/lib/models-lite";
import { KIND_LOOK, toolLook } from "./nodes/node-kinds";
import type { EditorNode } from "./store/types";

export type PaletteItem = {
  key: string;
  group: "Inputs" | "Generate" | "Tools" | "Text" | "Results";
  label: string;
  description: string;
  icon: LucideIcon;
  accent: string;
  create: () => Pick<EditorNode, "type" | "data">;
};

/** Tools that change an image they are given: each gets its own palette entry. */
const IMAGE_TOOLS: readonly Tool[] = ["upscale", "remove_background", "face_restore", "inpaint", "expand"];

const generate = (model: LiteModel) => () => ({
  type: "generate" as const,
  data: { model: model.id, params: {} },
});

export function paletteItems(models: readonly LiteModel[]): PaletteItem[] {
  const items: PaletteItem[] = [
    {
      key: "text",
      group: "Inputs",
      label: "Text",
      description: "A prompt or any text",
      ...KIND_LOOK.text,
      create: () => ({ type: "text", data: { text: "" } }),
    },
    {
      key: "image",
      group: "Inputs",
      label: "Image input",
      description: "Upload or pick from history",
      ...KIND_LOOK.image,
      create: () => ({ type: "image", data: {} }),
    },
  ];
  const images = models.filter((m) => m.kind === "image");
  const image = modelsForTool(images, "generate")[0];
  if (image)
    items.push({
      key: "generate-image",
      group: "Generate",
      label: "Generate image",
      description: "Any image model",
      ...KIND_LOOK.generate,
      create: generate(image),
    });
  const edit = modelsForTool(images, "edit")[0];
  if (edit)
    items.push({
      key: "edit-image",
      group: "Generate",
      label: "Edit image",
      description: "Change an image with words",
      ...KIND_LOOK.generate,
      icon: WandSparklesIcon,
      create: generate(edit),
    });
  const video = models.find((m) => m.kind === "video");
  if (video)
    items.push({
      key: "generate-video",
      group: "Generate",
      label: "Generate video",
      description: "Any video model",
      ...KIND_LOOK.generate,
      icon: ClapperboardIcon,
      create: generate(video),
    });
  for (const tool of IMAGE_TOOLS) {
    const model = modelsForTool(models, tool)[0];
    if (!model) continue;
    const look = toolLook([tool]);
    items.push({
      key: `tool-${tool}`,
      group: "Tools",
      label: TOOL_LABELS[tool],
      description: model.name,
      accent: KIND_LOOK.generate.accent,
      icon: look.icon ?? KIND_LOOK.generate.icon,
      create: generate(model),
    });
  }
  const llm = modelsForTool(models, "text")[0];
  items.push(
    {
      key: "llm",
      group: "Text",
      label: "LLM text",
      description: "Enhance or brainstorm a prompt",
      ...KIND_LOOK.llm,
      create: () => ({ type: "llm", data: { ...(llm && { model: llm.id }), params: { mode: "enhance" } } }),
    },
    {
      key: "output",
      group: "Results",
      label: "Output",
      description: "Collects results",
      ...KIND_LOOK.output,
      create: () => ({ type: "output", data: {} }),
    },
  );
  return items;
}
