// A small DSL for model parameters. Each builder yields both the zod schema used to validate input
// at create time and the serialisable UI hints the form is generated from, so the two cannot drift.
// Error messages are written to follow the field name: "num_outputs: must be at most 4".
import { z } from "zod";

export type ControlType =
  | "textarea"
  | "text"
  | "number"
  | "slider"
  | "select"
  | "toggle"
  | "image"
  | "images";
export type ParamType = "string" | "integer" | "number" | "boolean" | "enum" | "image" | "images";
export type OptionValue = string | number;
export type ParamOption = { value: OptionValue; label: string };

/** What the browser receives for one field: plain JSON, no zod, no functions. */
export type ParamDescriptor = {
  name: string;
  type: ParamType;
  label: string;
  required: boolean;
  control: ControlType;
  default?: string | number | boolean;
  /** Numbers: value range. Images: how many files. */
  min?: number;
  max?: number;
  step?: number;
  maxLength?: number;
  options?: ParamOption[];
  help?: string;
  placeholder?: string;
  /** Shown under "Advanced" in the form. */
  advanced?: boolean;
};

type Hints = Omit<ParamDescriptor, "name">;

/** One declared parameter. `T` is the validated value type (phantom: only used for inference). */
export type ParamSpec<T> = { readonly schema: z.ZodType; readonly hints: Hints; readonly __value?: T };

type Common = { label: string; help?: string; advanced?: boolean };

const MAX_URL_LENGTH = 2048;
const DEFAULT_MAX_TEXT = 4000;

function typeError(expected: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : `must be ${expected}`);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

const ASSET_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An asset id of the caller's (an upload or an output); create resolves it to the file. */
export function isAssetId(value: string): boolean {
  return ASSET_ID.test(value);
}

/** An image input: an http(s) URL (an upload's, an output's, or anyone's) or an asset id. */
const imageRefSchema = () =>
  z
    .string({ error: typeError("an image URL or asset id") })
    .trim()
    .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`)
    .refine((value) => isHttpUrl(value) || isAssetId(value), "must be an http(s) URL or an asset id");

function withPresence(schema: z.ZodType, hasDefault: boolean, defaultValue: unknown, required: boolean) {
  if (hasDefault) return schema.default(defaultValue);
  return required ? schema : schema.optional();
}

function numberSchema(integer: boolean, min?: number, max?: number) {
  let schema = integer
    ? z.int({ error: typeError("a whole number") })
    : z.number({ error: typeError("a number") });
  if (min !== undefined) schema = schema.min(min, `must be at least ${min}`);
  if (max !== undefined) schema = schema.max(max, `must be at most ${max}`);
  return schema;
}

type TextOpts = Common & { maxLength?: number; placeholder?: string; multiline?: boolean };

function text(o: TextOpts & { default: string }): ParamSpec<string>;
function text(o: TextOpts & { required: true }): ParamSpec<string>;
function text(o: TextOpts & { required?: false }): ParamSpec<string | undefined>;
function text(o: TextOpts & { default?: string; required?: boolean }): ParamSpec<unknown> {
  const maxLength = o.maxLength ?? DEFAULT_MAX_TEXT;
  const required = o.required === true;
  let base = z
    .string({ error: typeError("text") })
    .trim()
    .max(maxLength, `must be at most ${maxLength} characters`);
  if (required) base = base.min(1, "is required");
  return {
    schema: withPresence(base, o.default !== undefined, o.default, required),
    hints: {
      type: "string",
      label: o.label,
      required,
      control: o.multiline ? "textarea" : "text",
      maxLength,
      ...(o.default !== undefined && { default: o.default }),
      ...pickCommon(o),
      ...(o.placeholder && { placeholder: o.placeholder }),
    },
  };
}

type NumberOpts = Common & { min: number; max: number; step?: number; integer?: boolean; slider?: boolean };

function number(o: NumberOpts & { default: number }): ParamSpec<number>;
function number(o: NumberOpts): ParamSpec<number | undefined>;
function number(o: NumberOpts & { default?: number }): ParamSpec<unknown> {
  const integer = o.integer ?? false;
  return {
    schema: withPresence(numberSchema(integer, o.min, o.max), o.default !== undefined, o.default, false),
    hints: {
      type: integer ? "integer" : "number",
      label: o.label,
      required: false,
      control: o.slider ? "slider" : "number",
      min: o.min,
      max: o.max,
      step: o.step ?? (integer ? 1 : undefined),
      ...(o.default !== undefined && { default: o.default }),
      ...pickCommon(o),
    },
  };
}

/** An integer; the usual shape for counts and steps. */
function integer(o: Omit<NumberOpts, "integer"> & { default: number }): ParamSpec<number> {
  return number({ ...o, integer: true });
}

/** Random seed: optional, empty means random. Bounds fit every provider (signed 32-bit). */
function seed(): ParamSpec<number | undefined> {
  return number({
    label: "Seed",
    min: 0,
    max: 2_147_483_647,
    integer: true,
    help: "Same seed and inputs give the same result. Leave empty for random.",
    advanced: true,
  });
}

type SelectOpts<V extends OptionValue> = Common & {
  options: readonly (V | { value: V; label: string })[];
  default: NoInfer<V>;
};

function select<const V extends OptionValue>(o: SelectOpts<V>): ParamSpec<V> {
  const options = o.options.map((opt) =>
    typeof opt === "object" ? { value: opt.value, label: opt.label } : { value: opt, label: String(opt) },
  );
  const values = options.map((opt) => opt.value) as [V, ...V[]];
  const schema = z
    .literal(values, { error: `must be one of: ${values.join(", ")}` })
    .default(o.default as never);
  return {
    schema,
    hints: {
      type: "enum",
      label: o.label,
      required: false,
      control: "select",
      options,
      default: o.default,
      ...pickCommon(o),
    },
  };
}

function toggle(o: Common & { default: boolean }): ParamSpec<boolean> {
  return {
    schema: z.boolean({ error: typeError("true or false") }).default(o.default),
    hints: {
      type: "boolean",
      label: o.label,
      required: false,
      control: "toggle",
      default: o.default,
      ...pickCommon(o),
    },
  };
}

function image(o: Common & { required: true }): ParamSpec<string>;
function image(o: Common & { required?: false }): ParamSpec<string | undefined>;
function image(o: Common & { required?: boolean }): ParamSpec<unknown> {
  const required = o.required === true;
  return {
    schema: required ? imageRefSchema() : imageRefSchema().optional(),
    hints: { type: "image", label: o.label, required, control: "image", ...pickCommon(o) },
  };
}

/** A list of image URLs; `min: 0` makes the list optional (defaults to empty). */
function images(o: Common & { min: number; max: number }): ParamSpec<string[]> {
  const noun = (n: number) => (n === 1 ? "image" : "images");
  let schema = z
    .array(imageRefSchema(), { error: typeError("a list of image URLs or asset ids") })
    .max(o.max, `must have at most ${o.max} ${noun(o.max)}`);
  if (o.min > 0) schema = schema.min(o.min, `must have at least ${o.min} ${noun(o.min)}`);
  return {
    schema: o.min > 0 ? schema : schema.default([]),
    hints: {
      type: "images",
      label: o.label,
      required: o.min > 0,
      control: "images",
      min: o.min,
      max: o.max,
      ...pickCommon(o),
    },
  };
}

function pickCommon(o: Common): Partial<Hints> {
  return { ...(o.help && { help: o.help }), ...(o.advanced && { advanced: true }) };
}

export const param = { text, number, integer, seed, select, toggle, image, images };

// ---------------------------------------------------------------------------------------------
// Parameter sets

export type ParamValues<S> = { [K in keyof S]: S[K] extends ParamSpec<infer T> ? T : never };

/** A cross-field rule; return the offending field and a message, or undefined when fine. */
export type ParamCheck<T> = (input: T) => { field: keyof T & string; message: string } | undefined;

export type ParamSet<T> = {
  /** Strict zod object: unknown keys are rejected, defaults are filled in. */
  readonly schema: z.ZodType<T>;
  readonly descriptors: readonly ParamDescriptor[];
};

export function defineParams<S extends Record<string, ParamSpec<unknown>>>(
  specs: S,
  checks: readonly ParamCheck<ParamValues<S>>[] = [],
): ParamSet<ParamValues<S>> {
  const shape: Record<string, z.ZodType> = {};
  const descriptors: ParamDescriptor[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    shape[name] = spec.schema;
    descriptors.push({ name, ...spec.hints });
  }
  const schema = z.strictObject(shape).superRefine((value, ctx) => {
    for (const check of checks) {
      const issue = check(value as ParamValues<S>);
      if (issue) ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message, input: value });
    }
  });
  return { schema: schema as unknown as z.ZodType<ParamValues<S>>, descriptors };
}

/** First issue as one line that names the field: `"num_outputs: must be at most 4"`. */
export function formatIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "input: is invalid";
  if (issue.code === "unrecognized_keys")
    return `${issue.keys[0] ?? "input"}: is not a parameter of this model`;
  const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "input";
  const message =
    issue.path.length === 0 && issue.code === "invalid_type" ? "must be an object" : issue.message;
  return `${field}: ${message}`;
}
