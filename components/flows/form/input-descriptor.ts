// An exposed input as the generic form fields draw it (components/generations/fields): the
// descriptor of a field of its kind, and the control's value back as the input's value.
import type { ExposableField, InputKind } from "@/lib/flows/graph";
import type { ParamDescriptor, ParamType } from "@/lib/models/params";

const TYPES: Record<InputKind, ParamType> = {
  text: "string",
  image: "image",
  integer: "integer",
  number: "number",
  enum: "enum",
  boolean: "boolean",
};

type Described = Omit<ExposableField, "current" | "needed"> & { required: boolean };

/** A long text (a prompt, a Text node) gets a text area; a short one a line. */
export function descriptorOf(field: Described, name: string): ParamDescriptor {
  const control =
    field.kind === "text"
      ? (field.maxLength ?? 4000) > 200
        ? "textarea"
        : "text"
      : field.kind === "integer" || field.kind === "number"
        ? "number"
        : field.kind === "enum"
          ? "select"
          : field.kind === "boolean"
            ? "toggle"
            : "image";
  return {
    name,
    type: TYPES[field.kind],
    label: field.label,
    required: field.required,
    control,
    ...(field.min !== undefined && { min: field.min }),
    ...(field.max !== undefined && { max: field.max }),
    ...(field.step !== undefined && { step: field.step }),
    ...(field.maxLength !== undefined && { maxLength: field.maxLength }),
    ...(field.options && { options: field.options }),
    ...(field.help && { help: field.help }),
  };
}

/** What a control hands back, as the input's value: numbers typed as text become numbers. */
export function inputValueOf(kind: InputKind, raw: unknown): unknown {
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (kind === "integer" || kind === "number") {
    const n = Number(raw);
    return Number.isFinite(n) ? n : raw;
  }
  return raw;
}
