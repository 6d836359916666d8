// How each kind of node looks in the palette and on the canvas.
import {
  BotIcon,
  ImageIcon,
  ImageUpscaleIcon,
  type LucideIcon,
  MonitorPlayIcon,
  ScissorsIcon,
  SparklesIcon,
  TypeIcon,
} from "lucide-react";
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
export function toolLook(capabilities: readonly string[]): Partial<KindLook> {
  if (capabilities.includes("upscale")) return { icon: ImageUpscaleIcon, title: "Upscale" };
  if (capabilities.includes("background-removal")) return { icon: ScissorsIcon, title: "Remove background" };
  return {};
}
