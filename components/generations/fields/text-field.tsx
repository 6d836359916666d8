"use client";

import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { EnhanceButton } from "./enhance-button";
import { describedBy, type FieldProps, FieldShell } from "./field-shell";

const textareaClass =
  "flex min-h-28 w-full resize-y rounded-md border border-input bg-transparent px-3 py-2 text-base shadow-xs outline-none transition-[color,box-shadow] placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/40 disabled:opacity-50 aria-invalid:border-destructive md:text-sm";

export function TextField({ param, id, value, onChange, error, disabled }: FieldProps<string>) {
  const common = {
    id,
    name: param.name,
    value,
    disabled,
    required: param.required,
    maxLength: param.maxLength,
    placeholder: param.placeholder,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(param, id, error),
  };
  return (
    <FieldShell param={param} id={id} error={error}>
      {param.control === "textarea" ? (
        <>
          <textarea
            {...common}
            rows={4}
            className={cn(textareaClass)}
            onChange={(event) => onChange(event.target.value)}
          />
          {param.name === "prompt" && !disabled ? (
            <EnhanceButton id={id} value={value} onChange={onChange} />
          ) : null}
        </>
      ) : (
        <Input {...common} onChange={(event) => onChange(event.target.value)} />
      )}
    </FieldShell>
  );
}
