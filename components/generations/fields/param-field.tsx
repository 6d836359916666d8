"use client";

import type { OptionValue, ParamDescriptor } from "@/lib/models/params";
import { ImageField } from "./image-field";
import { NumberField, SliderField } from "./number-field";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";
import { ToggleField } from "./toggle-field";

/** The control a parameter's descriptor asks for. */
export function ParamField({
  param,
  idPrefix,
  value,
  onChange,
  error,
  disabled,
}: {
  param: ParamDescriptor;
  idPrefix: string;
  value: unknown;
  onChange: (name: string, value: unknown) => void;
  error?: string;
  disabled?: boolean;
}) {
  const id = `${idPrefix}-${param.name}`;
  const common = { param, id, error, disabled, onChange: (next: unknown) => onChange(param.name, next) };
  switch (param.control) {
    case "textarea":
    case "text":
      return <TextField {...common} value={String(value ?? "")} />;
    case "number":
      return <NumberField {...common} value={String(value ?? "")} />;
    case "slider":
      return <SliderField {...common} value={Number(value ?? param.min ?? 0)} />;
    case "select":
      return <SelectField {...common} value={value as OptionValue} />;
    case "toggle":
      return <ToggleField {...common} value={value === true} />;
    case "image":
    case "images":
      return <ImageField {...common} value={value as string | string[]} />;
  }
}
