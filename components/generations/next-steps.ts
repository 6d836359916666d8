// "Take it further" links for a result: which model each action opens, prefilled with an image
// output, or with a video output's last frame (to continue the clip).

import { modelsForTool, type Tool } from "@/lib/models/tools";
import type { LiteModel } from "@/lib/models-lite";
import { firstImageParam } from "./form-values";

export type NextStep = {
  label: string;
  path: "/create" | "/video";
  model: string;
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

/**
 * Edit, make a video (image to video) and upscale, for the models that are enabled; for a
 * video, continue from its last frame (image to video).
 * "Use as input" stays on the model that made the image when that model edits images, so the
 * next step reads like the last one (same provider, same controls).
 */
export function nextStepsFor(models: readonly LiteModel[], source?: LiteModel | null): NextStep[] {
  const steps: NextStep[] = [];
  const edit = pick(models, "edit", source);
  if (edit) steps.push({ label: "Use as input", path: "/create", model: edit.id, from: "image" });
  const video = pick(models, "image_to_video");
  if (video) steps.push({ label: "Make video", path: "/video", model: video.id, from: "image" });
  const upscale = pick(models, "upscale");
  if (upscale) steps.push({ label: "Upscale", path: "/create", model: upscale.id, from: "image" });
  // A clip goes on from where it ended: its own model when that takes a first frame.
  const next = pick(models, "image_to_video", source);
  if (next)
    steps.push({ label: "Use last frame as input", path: "/video", model: next.id, from: "last-frame" });
  return steps;
}

/** The link carries the source generation: its prompt comes along and it is recorded as the parent. */
export function stepHref(step: NextStep, imageUrl: string, parentId: string): string {
  return `${step.path}?${new URLSearchParams({ model: step.model, image: imageUrl, parent: parentId })}`;
}
