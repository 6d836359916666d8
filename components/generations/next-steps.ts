// "Take it further" links for an image result: which model each action opens, prefilled.

import type { Capability } from "@/lib/models/types";
import type { LiteModel } from "@/lib/models-lite";
import { firstImageParam } from "./form-values";

export type NextStep = { label: string; path: "/create" | "/video"; model: string };

function firstWith(models: readonly LiteModel[], capability: Capability): LiteModel | undefined {
  return models.find(
    (model) => model.capabilities.includes(capability) && firstImageParam(model) !== undefined,
  );
}

/** Edit (image-edit), make a video (image-to-video) and upscale, for the models that are enabled. */
export function nextStepsFor(models: readonly LiteModel[]): NextStep[] {
  const steps: NextStep[] = [];
  const edit = firstWith(models, "image-edit");
  if (edit) steps.push({ label: "Use as input", path: "/create", model: edit.id });
  const video = firstWith(models, "image-to-video");
  if (video) steps.push({ label: "Make video", path: "/video", model: video.id });
  const upscale = firstWith(models, "upscale");
  if (upscale) steps.push({ label: "Upscale", path: "/create", model: upscale.id });
  return steps;
}

/** The link carries the source generation so the new one records its parent (lineage). */
export function stepHref(step: NextStep, imageUrl: string, parentId: string): string {
  return `${step.path}?${new URLSearchParams({ model: step.model, image: imageUrl, parent: parentId })}`;
}
