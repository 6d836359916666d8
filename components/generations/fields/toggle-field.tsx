"use client";

import { cn } from "@/lib/utils";
import { describedBy, FieldNotes, type FieldProps } from "./field-shell";

/** A switch: a checkbox with role="switch", the whole row is the tap target. */
export function ToggleField({ param, id, value, onChange, error, disabled }: FieldProps<boolean>) {
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="flex min-h-10 cursor-pointer items-center justify-between gap-4">
        <span className="font-medium text-sm">{param.label}</span>
        <input
          id={id}
          name={param.name}
          type="checkbox"
          role="switch"
          checked={value}
          aria-checked={value}
          disabled={disabled}
          aria-describedby={describedBy(param, id, error)}
          className="peer sr-only"
          onChange={(event) => onChange(event.target.checked)}
        />
        <span
          aria-hidden
          className={cn(
            "relative inline-flex h-6 w-11 shrink-0 rounded-full bg-input transition-colors peer-checked:bg-brand peer-focus-visible:ring-[3px] peer-focus-visible:ring-ring/50 peer-disabled:opacity-50",
            "after:absolute after:top-0.5 after:left-0.5 after:size-5 after:rounded-full after:bg-white after:shadow after:transition-transform peer-checked:after:translate-x-5",
          )}
        />
      </label>
      <FieldNotes param={param} id={id} error={error} />
    </div>
  );
}
