"use client";

import { ListIcon, WorkflowIcon } from "lucide-react";
import { cn } from "@/lib/utils";

type View = "steps" | "canvas";

const OPTIONS: { value: View; label: string; icon: typeof ListIcon }[] = [
  { value: "steps", label: "Steps", icon: ListIcon },
  { value: "canvas", label: "Canvas", icon: WorkflowIcon },
];

/** On a phone: the flow as a list of steps, or the canvas. */
export function ViewSwitch({ value, onChange }: { value: View; onChange: (view: View) => void }) {
  return (
    <div
      role="radiogroup"
      aria-label="View"
      className="grid w-full grid-cols-2 gap-1 rounded-lg bg-muted p-1"
    >
      {OPTIONS.map((option) => (
        // biome-ignore lint/a11y/useSemanticElements: a segmented control; native radios cannot be styled as one.
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={value === option.value}
          onClick={() => onChange(option.value)}
          className={cn(
            "flex h-8 items-center justify-center gap-1.5 rounded-md font-medium text-sm outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50",
            value === option.value
              ? "bg-background text-foreground shadow-xs"
              : "text-muted-foreground hover:text-foreground",
          )}
        >
          <option.icon aria-hidden className="size-4" />
          {option.label}
        </button>
      ))}
    </div>
  );
}
