// Checks a request body against a model's published input schema (lib/models/provider-models.ts)
// the way the providers do: unknown fields, missing required ones, wrong types, values outside an
// enum or a range. Each provider turns the issues into its own error shape.
import type { FieldSpec, InputSchema } from "../../lib/models/provider-models";

export type IssueType =
  | "extra_forbidden"
  | "missing"
  | "enum"
  | "less_than_equal"
  | "greater_than_equal"
  | "too_short"
  | "too_long"
  | "type";

export interface Issue {
  /** Field path below the body, e.g. `["num_outputs"]` or `["generationConfig", "imageConfig", "aspectRatio"]`. */
  path: (string | number)[];
  type: IssueType;
  message: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const quoted = (values: readonly (string | number)[]) =>
  values.map((v) => (typeof v === "string" ? `'${v}'` : String(v))).join(", ");

function checkObject(
  value: Record<string, unknown>,
  schema: { required?: readonly string[]; properties: Readonly<Record<string, FieldSpec>>; open?: boolean },
  path: (string | number)[],
  issues: Issue[],
): void {
  for (const key of Object.keys(value)) {
    if (!schema.open && !(key in schema.properties))
      issues.push({
        path: [...path, key],
        type: "extra_forbidden",
        message: "Extra inputs are not permitted",
      });
  }
  for (const key of schema.required ?? []) {
    if (value[key] === undefined)
      issues.push({ path: [...path, key], type: "missing", message: "Field required" });
  }
  for (const [key, spec] of Object.entries(schema.properties)) {
    if (value[key] !== undefined) checkField(value[key], spec, [...path, key], issues);
  }
}

function checkField(value: unknown, spec: FieldSpec, path: (string | number)[], issues: Issue[]): void {
  const fail = (type: IssueType, message: string) => issues.push({ path, type, message });
  switch (spec.type) {
    case "string": {
      if (typeof value !== "string") return void fail("type", "Input should be a valid string");
      if (spec.enum && !spec.enum.includes(value))
        return void fail("enum", `Input should be ${quoted(spec.enum)}`);
      if (spec.maxLength !== undefined && value.length > spec.maxLength)
        return void fail("too_long", `String should have at most ${spec.maxLength} characters`);
      if (spec.format === "uri" && !/^(https?:\/\/|data:)/.test(value))
        return void fail("type", "Input should be a valid URL");
      return;
    }
    case "integer":
    case "number": {
      const ok = typeof value === "number" && Number.isFinite(value);
      if (!ok || (spec.type === "integer" && !Number.isInteger(value)))
        return void fail("type", `Input should be a valid ${spec.type}`);
      if (spec.enum && !spec.enum.includes(value))
        return void fail("enum", `Input should be ${quoted(spec.enum)}`);
      if (spec.minimum !== undefined && value < spec.minimum)
        return void fail("greater_than_equal", `Input should be greater than or equal to ${spec.minimum}`);
      if (spec.maximum !== undefined && value > spec.maximum)
        return void fail("less_than_equal", `Input should be less than or equal to ${spec.maximum}`);
      return;
    }
    case "boolean":
      if (typeof value !== "boolean") fail("type", "Input should be a valid boolean");
      return;
    case "array": {
      if (!Array.isArray(value)) return void fail("type", "Input should be a valid list");
      if (spec.minItems !== undefined && value.length < spec.minItems)
        return void fail("too_short", `List should have at least ${spec.minItems} items`);
      if (spec.maxItems !== undefined && value.length > spec.maxItems)
        return void fail("too_long", `List should have at most ${spec.maxItems} items`);
      for (const [index, item] of value.entries()) checkField(item, spec.items, [...path, index], issues);
      return;
    }
    case "object":
      if (!isObject(value)) return void fail("type", "Input should be a valid object");
      checkObject(value, spec, path, issues);
      return;
    case "oneOf": {
      const attempts = spec.options.map((option) => {
        const found: Issue[] = [];
        checkField(value, option, path, found);
        return found;
      });
      if (attempts.some((found) => found.length === 0)) return;
      // Report the option that got furthest (fewest issues), as validators usually do.
      const closest = attempts.reduce((best, found) => (found.length < best.length ? found : best));
      issues.push(...closest);
      return;
    }
  }
}

/** Every issue of `body` against `schema`; empty when the body is valid. */
export function validateInput(body: unknown, schema: InputSchema): Issue[] {
  const issues: Issue[] = [];
  if (!isObject(body)) return [{ path: [], type: "type", message: "Input should be a valid object" }];
  checkObject(body, schema, [], issues);
  return issues;
}
