// The tool pages, for the tools index and the result page's actions.
import {
  CropIcon,
  EraserIcon,
  ExpandIcon,
  FilmIcon,
  LightbulbIcon,
  type LucideIcon,
  PaintbrushIcon,
  ScanEyeIcon,
  SmileIcon,
  WandSparklesIcon,
  ZoomInIcon,
} from "lucide-react";

export type ToolPage = { href: string; title: string; description: string; icon: LucideIcon };

export const TOOL_PAGES: readonly ToolPage[] = [
  {
    href: "/tools/inpaint",
    title: "Inpaint",
    description: "Paint over part of an image and describe what goes there.",
    icon: PaintbrushIcon,
  },
  {
    href: "/tools/expand",
    title: "Expand",
    description: "Grow the canvas around an image to a new shape.",
    icon: ExpandIcon,
  },
  {
    href: "/tools/upscale",
    title: "Upscale",
    description: "Make an image 2× or 4× bigger, with detail.",
    icon: ZoomInIcon,
  },
  {
    href: "/tools/remove-background",
    title: "Remove background",
    description: "Cut out the subject as a transparent PNG.",
    icon: EraserIcon,
  },
  {
    href: "/tools/restore-face",
    title: "Restore face",
    description: "Repair blurred or damaged faces.",
    icon: SmileIcon,
  },
  {
    href: "/tools/analyze",
    title: "Analyze",
    description: "Describe an image and get a prompt that recreates it.",
    icon: ScanEyeIcon,
  },
  {
    href: "/tools/brainstorm",
    title: "Brainstorm",
    description: "Turn a theme into prompt ideas, one click from creating.",
    icon: LightbulbIcon,
  },
  {
    href: "/tools/keyframes",
    title: "Keyframes",
    description: "A video that moves from one image to another.",
    icon: FilmIcon,
  },
  {
    href: "/tools/prompt-builder",
    title: "Prompt builder",
    description: "Compose a prompt from choices, or a strict product shot.",
    icon: WandSparklesIcon,
  },
  {
    href: "/tools/prep",
    title: "Image prep",
    description: "Crop, rotate and flip an image before you use it.",
    icon: CropIcon,
  },
];
