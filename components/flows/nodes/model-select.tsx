"use client";

import { ChevronDownIcon } from "lucide-react";
import { CAPABILITY_LABELS } from "@/components/generations/model-format";
import type { Capability } from "@/lib/models/types";
import type { LiteModel } from "@/lib/models-lite";

const GROUPS: { label: string; capabilities: Capability[] }[] = [
  { label: "Images", capabilities: ["text-to-image", "image-edit"] },
  { label: "Video", capabilities: ["text-to-video", "image-to-video", "first-last-frame"] },
  { label: "Tools", capabilities: ["upscale", "background-removal"] },
];

function groupOf(model: LiteModel): string {
  for (const group of GROUPS)
    if (model.capabilities.some((c) => group.capabilities.includes(c))) return group.label;
  return "Other";
}

/** A native select of catalog models, grouped as people look for them. */
export function ModelSelect({
  models,
  value,
  onChange,
  disabled,
  label = "Model",
}: {
  models: readonly LiteModel[];
  value: string;
  onChange: (id: string) => void;
  disabled?: boolean;
  label?: string;
}) {
  const groups = new Map<string, LiteModel[]>();
  for (const model of models) groups.set(groupOf(model), [...(groups.get(groupOf(model)) ?? []), model]);
  const known = models.some((m) => m.id === value);
  return (
    <div className="relative">
      <select
        aria-label={label}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        className="nodrag h-8 w-full appearance-none rounded-md border border-input bg-background py-1 pr-7 pl-2.5 text-xs shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/40 disabled:opacity-70"
      >
        {known ? null : <option value={value}>{value || "Choose a model"}</option>}
        {[...groups].map(([group, list]) => (
          <optgroup key={group} label={group}>
            {list.map((model) => (
              <option
                key={model.id}
                value={model.id}
                title={model.capabilities.map((c) => CAPABILITY_LABELS[c]).join(", ")}
              >
                {model.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <ChevronDownIcon
        aria-hidden
        className="-translate-y-1/2 pointer-events-none absolute top-1/2 right-2 size-3.5 text-muted-foreground"
      />
    </div>
  );
}
