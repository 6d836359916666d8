// "Take it further" links for a result: "Use as input" and "Animate" open the create and video
// forms with a model prefilled; the tools open their pages with the image; a video continues
// from its last frame. A link shows only while some enabled model serves its tool.

import { modelsForTool, type Tool } from "@/lib/models/tools";
import type { LiteModel } from "@/lib/models-lite";
import { firstImageParam } from "./form-values";

export type NextStep = {
  label: string;
  path: string;
  /** The model the form opens with; tool pages pick their own. */
  model?: string;
  /** What the step takes: an image output, or a video output's last frame. */
  from: "image" | "last-frame";
};

/** The source's own model when it can do it, else one of the same provider, else any. */
function pick(models: readonly LiteModel[], tool: Tool, source?: LiteModel | null) {
  const able = modelsForTool(models, tool).filter((model) => firstImageParam(model) !== undefined);
  return (
    able.find((model) => model.id === source?.id) ??
    able.find((model) => model.provider === source?.provider) ??
    able[0]
  );
}

/** Tool pages, in the order they are offered. */
export const TOOL_STEPS: readonly { label: string; path: string; tool: Tool }[] = [
  { label: "Inpaint", path: "/tools/inpaint", tool: "inpaint" },
  { label: "Expand", path: "/tools/expand", tool: "expand" },
  { label: "Upscale", path: "/tools/upscale", tool: "upscale" },
  { label: "Remove background", path: "/tools/remove-background", tool: "remove_background" },
  { label: "Restore face", path: "/tools/restore-face", tool: "face_restore" },
  { label: "Describe", path: "/tools/analyze", tool: "describe" },
];

/**
 * "Use as input" stays on the model that made the image when that model edits images, so the
 * next step reads like the last one (same provider, same controls).
 */
export function nextStepsFor(models: readonly LiteModel[], source?: LiteModel | null): NextStep[] {
  const steps: NextStep[] = [];
  const edit = pick(models, "edit", source);
  if (edit) steps.push({ label: "Use as input", path: "/create", model: edit.id, from: "image" });
  const video = pick(models, "image_to_video");
  if (video) steps.push({ label: "Animate", path: "/video", model: video.id, from: "image" });
  for (const step of TOOL_STEPS)
    if (modelsForTool(models, step.tool).length > 0)
      steps.push({ label: step.label, path: step.path, from: "image" });
  // A clip goes on from where it ended: its own model when that takes a first frame.
  const next = pick(models, "image_to_video", source);
  if (next)
    steps.push({ label: "Use last frame as input", path: "/video", model: next.id, from: "last-frame" });
  return steps;
}

/** The link carries the source generation: its prompt comes along and it is recorded as the parent. */
export function stepHref(step: NextStep, imageUrl: string, parentId: string): string {
  const query = new URLSearchParams({
    ...(step.model && { model: step.model }),
    image: imageUrl,
    parent: parentId,
  });
  return `${step.path}?${query}`;
}
