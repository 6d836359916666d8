// How each kind of node looks in the palette and on the canvas.
import {
  BotIcon,
  BrushIcon,
  ExpandIcon,
  ImageIcon,
  ImageUpscaleIcon,
  type LucideIcon,
  MonitorPlayIcon,
  ScissorsIcon,
  SmileIcon,
  SparklesIcon,
  TypeIcon,
} from "lucide-react";
import { TOOL_LABELS, type Tool } from "@/lib/models/tools";
import type { NodeKind } from "../store/types";

export type KindLook = { icon: LucideIcon; title: string; accent: string };

export const KIND_LOOK: Record<NodeKind, KindLook> = {
  text: { icon: TypeIcon, title: "Text", accent: "bg-sky-500/15 text-sky-700 dark:text-sky-300" },
  image: {
    icon: ImageIcon,
    title: "Image input",
    accent: "bg-amber-500/15 text-amber-700 dark:text-amber-300",
  },
  generate: { icon: SparklesIcon, title: "Generate", accent: "bg-brand/15 text-brand" },
  llm: { icon: BotIcon, title: "LLM text", accent: "bg-sky-500/15 text-sky-700 dark:text-sky-300" },
  output: { icon: MonitorPlayIcon, title: "Output", accent: "bg-success/15 text-success" },
};

/** Tool models get their own look, so an upscale node reads as one at a glance. */
export function toolLook(tools: readonly Tool[]): Partial<KindLook> {
  if (tools.includes("upscale")) return { icon: ImageUpscaleIcon, title: TOOL_LABELS.upscale };
  if (tools.includes("remove_background"))
    return { icon: ScissorsIcon, title: TOOL_LABELS.remove_background };
  if (tools.includes("face_restore")) return { icon: SmileIcon, title: TOOL_LABELS.face_restore };
  if (tools.includes("inpaint")) return { icon: BrushIcon, title: TOOL_LABELS.inpaint };
  if (tools.includes("expand")) return { icon: ExpandIcon, title: TOOL_LABELS.expand };
  return {};
}
