// What the Gemini API refuses before generating: a model it does not serve under that API
// version (404 NOT_FOUND), and a body its proto does not accept (400 INVALID_ARGUMENT). Unknown
// fields fail JSON parsing ("Unknown name …: Cannot find field."), which is how a `v1` call
// carrying the `v1beta`-only image fields is refused. Shapes as Google sends them.
import { type FieldSpec, type InputSchema, PROVIDER_MODELS } from "../../lib/models/provider-models";
import { GEMINI_V1BETA_ONLY_CONFIG } from "../../lib/models/provider-schemas-google";
import { HttpError } from "./http";
import { validateInput } from "./validate";

export function googleError(code: number, status: string, message: string, details?: unknown[]): HttpError {
  return new HttpError(code, { error: { code, message, status, ...(details ? { details } : {}) } });
}

const snake = (path: (string | number)[]) =>
  path
    .filter((p) => typeof p === "string")
    .map((p) => String(p).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))
    .join(".");

/** The request schema of `model` under `version`: `v1` lacks the image output fields. */
function bodySchema(version: string, schema: InputSchema): InputSchema {
  if (version === "v1beta") return schema;
  const config = schema.properties.generationConfig as Extract<FieldSpec, { type: "object" }>;
  const properties = Object.fromEntries(
    Object.entries(config.properties).filter(
      ([key]) => !(GEMINI_V1BETA_ONLY_CONFIG as readonly string[]).includes(key),
    ),
  );
  return { ...schema, properties: { ...schema.properties, generationConfig: { ...config, properties } } };
}

/** Refuses a model the API does not serve for `generateContent` under `version`. */
export function servedSchema(version: string, model: string): InputSchema {
  const served = PROVIDER_MODELS.google.models.find((m) => m.ref === model);
  if (!served || !PROVIDER_MODELS.google.apiVersions.includes(version)) {
    const message = `models/${model} is not found for API version ${version}, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`;
    throw googleError(404, "NOT_FOUND", message);
  }
  return bodySchema(version, served.input);
}

export function checkBody(schema: InputSchema, body: unknown): void {
  const issue = validateInput(body, schema)[0];
  if (!issue) return;
  if (issue.type === "extra_forbidden") {
    const name = String(issue.path.at(-1));
    const parent = snake(issue.path.slice(0, -1));
    const message = `Invalid JSON payload received. Unknown name "${name}"${parent ? ` at '${parent}'` : ""}: Cannot find field.`;
    const violation = { field: parent, description: message };
    const details = [{ "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: [violation] }];
    throw googleError(400, "INVALID_ARGUMENT", message, details);
  }
  throw googleError(
    400,
    "INVALID_ARGUMENT",
    `* GenerateContentRequest.${snake(issue.path)}: ${issue.message}`,
  );
}
