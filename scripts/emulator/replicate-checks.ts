// What Replicate refuses before a prediction exists: a model it does not serve (404), a version
// it does not know (422), input its schema rejects (422 with `invalid_fields`), and an account
// without credit (402). Shapes as Replicate sends them (docs/protocols.md §1).
import { PROVIDER_MODELS, type ServedModel } from "../../lib/models/provider-models";
import { HttpError } from "./http";
import { validateInput } from "./validate";

export const problem = (status: number, title: string, detail: string) => ({ title, detail, status });

const SERVED = PROVIDER_MODELS.replicate.models;

/** `POST /v1/models/{owner}/{name}/predictions`: official models only, run by name. */
export function servedByName(model: string): ServedModel {
  const served = SERVED.find((m) => m.ref === model);
  if (!served)
    throw new HttpError(404, problem(404, "Not found", "The requested resource could not be found."));
  return served;
}

/** `POST /v1/predictions` with `version`: `owner/name`, `owner/name:<id>` or a bare `<id>`. */
export function servedByVersion(version: string): ServedModel {
  const [ref, id] = version.includes("/") ? version.split(":") : [undefined, version];
  const served = SERVED.find((m) =>
    id === undefined ? m.ref === ref : m.ref.endsWith(`:${id}`) && (!ref || m.ref.startsWith(`${ref}:`)),
  );
  if (!served) {
    const detail = "The specified version does not exist (or perhaps you don't have permission to use it?)";
    throw new HttpError(422, problem(422, "Invalid version or not permitted", detail));
  }
  return served;
}

export function checkInput(served: ServedModel, input: unknown): void {
  const issues = validateInput(input, served.input);
  if (issues.length === 0) return;
  const fields = issues.map((issue) => ({
    type: issue.type,
    field: ["input", ...issue.path].join("."),
    description: issue.message,
  }));
  const detail = fields.map((f) => `- ${f.field}: ${f.description}`).join("\n");
  throw new HttpError(422, {
    ...problem(422, "Input validation failed", `${detail}\n`),
    invalid_fields: fields,
  });
}

export function billingRequired(): HttpError {
  const detail =
    "You need to set up billing to run this model. Go to https://replicate.com/account/billing#billing to set it up. If you have recently set up billing, please wait a few minutes before trying again.";
  return new HttpError(402, problem(402, "Billing required", detail));
}
