"use client";

import { ChevronDownIcon } from "lucide-react";
import { TOOL_LABELS, type Tool } from "@/lib/models/tools";
import type { LiteModel } from "@/lib/models-lite";

const GROUPS: { label: string; tools: Tool[] }[] = [
  { label: "Images", tools: ["generate", "edit", "inpaint", "expand"] },
  { label: "Video", tools: ["image_to_video", "keyframes"] },
  { label: "Tools", tools: ["upscale", "remove_background", "face_restore"] },
  { label: "Text", tools: ["text", "describe"] },
];

function groupOf(model: LiteModel): string {
  if (model.kind === "video") return "Video";
  for (const group of GROUPS) if (model.tools.some((t) => group.tools.includes(t))) return group.label;
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
                title={model.tools.map((t) => TOOL_LABELS[t]).join(", ")}
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
