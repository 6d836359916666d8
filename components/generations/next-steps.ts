// "Take it further" links for an image result: which model each action opens, prefilled.

import { modelsForTool, type Tool } from "@/lib/models/tools";
import type { LiteModel } from "@/lib/models-lite";
import { firstImageParam } from "./form-values";

export type NextStep = { label: string; path: "/create" | "/video"; model: string };

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
 * Edit, make a video (image to video) and upscale, for the models that are enabled.
 * "Use as input" stays on the model that made the image when that model edits images, so the
 * next step reads like the last one (same provider, same controls).
 */
export function nextStepsFor(models: readonly LiteModel[], source?: LiteModel | null): NextStep[] {
  const steps: NextStep[] = [];
  const edit = pick(models, "edit", source);
  if (edit) steps.push({ label: "Use as input", path: "/create", model: edit.id });
  const video = pick(models, "image_to_video");
  if (video) steps.push({ label: "Make video", path: "/video", model: video.id });
  const upscale = pick(models, "upscale");
  if (upscale) steps.push({ label: "Upscale", path: "/create", model: upscale.id });
  return steps;
}

/** The link carries the source generation: its prompt comes along and it is recorded as the parent. */
export function stepHref(step: NextStep, imageUrl: string, parentId: string): string {
  return `${step.path}?${new URLSearchParams({ model: step.model, image: imageUrl, parent: parentId })}`;
}
