// Pure conversions between the catalog's parameter descriptors, the form's values and the
// `input` object POST /api/generations/create expects.

import type { ParamDescriptor } from "@/lib/models/params";
import type { LiteModel } from "@/lib/models-lite";
import type { FormValues } from "./form-store";

/** The value a field starts with: its default, or empty of the right shape. */
export function initialValue(param: ParamDescriptor): unknown {
  if (param.default !== undefined) return param.control === "number" ? String(param.default) : param.default;
  switch (param.control) {
    case "images":
      return [];
    case "toggle":
      return false;
    case "slider":
      return param.min ?? 0;
    default:
      return "";
  }
}

/** Fields every model reads the same way: they stay in the form even while a model lacks them. */
export const SHARED_FIELDS: ReadonlySet<string> = new Set(["prompt", "aspect_ratio", "num_outputs", "seed"]);

/** `value` as this field can take it, or undefined when it cannot (not an option, out of range). */
export function acceptedValue(param: ParamDescriptor, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  switch (param.control) {
    case "textarea":
    case "text":
      return typeof value === "string" ? value.slice(0, param.maxLength ?? value.length) : undefined;
    case "select":
      return param.options?.some((option) => option.value === value) ? value : undefined;
    case "toggle":
      return typeof value === "boolean" ? value : undefined;
    case "slider":
      return typeof value === "number" && inRange(param, value) ? value : undefined;
    case "number": {
      if (typeof value !== "string") return undefined;
      return value.trim() === "" || inRange(param, Number(value)) ? value : undefined;
    }
    case "image":
      return typeof value === "string" ? value : undefined;
    case "images":
      return Array.isArray(value) ? value.slice(0, param.max ?? value.length) : undefined;
  }
}

function inRange(param: ParamDescriptor, n: number): boolean {
  return (
    Number.isFinite(n) &&
    (param.min === undefined || n >= param.min) &&
    (param.max === undefined || n <= param.max)
  );
}

/** The form of `model`: what the person set where this model can take it, its defaults elsewhere. */
export function valuesFor(model: LiteModel, changed: FormValues | undefined): FormValues {
  const values: FormValues = {};
  for (const param of model.params)
    values[param.name] = acceptedValue(param, changed?.[param.name]) ?? initialValue(param);
  return values;
}

/**
 * What stays set after switching to `model`: shared fields always (so switching to an upscaler
 * and back keeps the prompt), other fields only where the new model has them too.
 */
export function carryOver(changed: FormValues, model: LiteModel): FormValues {
  const names = new Set(model.params.map((param) => param.name));
  return Object.fromEntries(
    Object.entries(changed).filter(([name]) => SHARED_FIELDS.has(name) || names.has(name)),
  );
}

/** Empty optional fields are left out so the server applies its defaults. */
export function toInput(model: LiteModel, values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const param of model.params) {
    const value = values[param.name];
    if (param.control === "images") {
      input[param.name] = Array.isArray(value) ? value : [];
    } else if (param.control === "number") {
      const text = String(value ?? "").trim();
      if (text !== "") input[param.name] = Number(text);
    } else if (typeof value === "string") {
      const text = param.type === "string" ? value.trim() : value;
      if (text !== "") input[param.name] = text;
    } else if (value !== undefined && value !== null) {
      input[param.name] = value;
    }
  }
  return input;
}

/** Required fields the person left empty, as field → message (checked before sending). */
export function missingFields(model: LiteModel, values: FormValues): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const param of model.params) {
    if (!param.required) continue;
    const value = values[param.name];
    const empty = Array.isArray(value) ? value.length < (param.min ?? 1) : String(value ?? "").trim() === "";
    if (empty) missing[param.name] = `${param.label} is required.`;
  }
  return missing;
}

/** "num_outputs: must be at most 4" → { field: "num_outputs", message: "Number of images must be at most 4." } */
export function fieldError(model: LiteModel, error: string): { field: string; message: string } | null {
  const match = /^([a-z_][a-z0-9_]*)(?:\.[\w.]+)?: (.+)$/i.exec(error);
  const param = match ? model.params.find((p) => p.name === match[1]) : undefined;
  if (!match || !param) return null;
  // "needs a first frame (image_url)": drop our internal names, the labels say it already.
  let text = match[2] ?? "";
  for (const other of model.params) text = text.replace(` (${other.name})`, "");
  return { field: param.name, message: `${param.label} ${text.replace(/\.$/, "")}.` };
}

/** The first field that takes an image URL: where "use as input" puts its image. */
export function firstImageParam(model: LiteModel): ParamDescriptor | undefined {
  return model.params.find((p) => p.control === "image" || p.control === "images");
}

/** Values with `url` put into the model's first image field (front of the list, within its max). */
export function withImage(model: LiteModel, values: FormValues, url: string): FormValues | null {
  const param = firstImageParam(model);
  if (!param) return null;
  if (param.control === "image") return { ...values, [param.name]: url };
  const current = Array.isArray(values[param.name]) ? (values[param.name] as string[]) : [];
  const list = [url, ...current.filter((u) => u !== url)].slice(0, param.max ?? 14);
  return { ...values, [param.name]: list };
}
