"use client";

import { ChevronDownIcon } from "lucide-react";
import type { OptionValue } from "@/lib/models/params";
import { describedBy, type FieldProps, FieldShell } from "./field-shell";

export const selectClass =
  "h-10 w-full appearance-none rounded-md border border-input bg-background py-2 pr-9 pl-3 text-base shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/40 disabled:opacity-50 md:text-sm";

/** Native select (best on phones); option values can be numbers, so options are addressed by index. */
export function SelectField({ param, id, value, onChange, error, disabled }: FieldProps<OptionValue>) {
  const options = param.options ?? [];
  const index = options.findIndex((option) => option.value === value);
  return (
    <FieldShell param={param} id={id} error={error}>
      <div className="relative">
        <select
          id={id}
          name={param.name}
          value={index === -1 ? "" : String(index)}
          disabled={disabled}
          aria-describedby={describedBy(param, id, error)}
          className={selectClass}
          onChange={(event) => {
            const option = options[Number(event.target.value)];
            if (option) onChange(option.value);
          }}
        >
          {index === -1 ? <option value="">Choose…</option> : null}
          {options.map((option, i) => (
            <option key={String(option.value)} value={String(i)}>
              {option.label}
            </option>
          ))}
        </select>
        <ChevronDownIcon
          aria-hidden
          className="-translate-y-1/2 pointer-events-none absolute top-1/2 right-3 size-4 text-muted-foreground"
        />
      </div>
    </FieldShell>
  );
}
