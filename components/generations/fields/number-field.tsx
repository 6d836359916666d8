"use client";

import { Input } from "@/components/ui/input";
import { describedBy, type FieldProps, FieldShell } from "./field-shell";

/** A typed number; kept as text while editing so "0." and an empty optional field both work. */
export function NumberField({ param, id, value, onChange, error, disabled }: FieldProps<string>) {
  return (
    <FieldShell param={param} id={id} error={error}>
      <Input
        id={id}
        name={param.name}
        type="number"
        inputMode={param.type === "integer" ? "numeric" : "decimal"}
        min={param.min}
        max={param.max}
        step={param.step ?? "any"}
        value={value}
        disabled={disabled}
        placeholder={param.name === "seed" ? "Random" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(param, id, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldShell>
  );
}

export function SliderField({ param, id, value, onChange, error, disabled }: FieldProps<number>) {
  return (
    <FieldShell
      param={param}
      id={id}
      error={error}
      aside={
        <output htmlFor={id} className="font-medium text-sm tabular-nums">
          {value}
        </output>
      }
    >
      <input
        id={id}
        name={param.name}
        type="range"
        min={param.min}
        max={param.max}
        step={param.step ?? "any"}
        value={value}
        disabled={disabled}
        aria-describedby={describedBy(param, id, error)}
        className="h-10 w-full cursor-pointer accent-brand disabled:opacity-50"
        onChange={(event) => onChange(Number(event.target.value))}
      />
    </FieldShell>
  );
}
