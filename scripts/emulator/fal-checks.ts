// What fal refuses at submit: an endpoint it does not serve (404), input the endpoint's schema
// rejects (422, FastAPI-style `{"detail":[{loc,msg,type}]}`), and a locked account (403
// "User is locked. Reason: Exhausted balance…", as fal answers when the balance runs out).
import { PROVIDER_MODELS, type ServedModel } from "../../lib/models/provider-models";
import { HttpError } from "./http";
import { validateInput } from "./validate";

export function servedEndpoint(endpoint: string): ServedModel {
  const served = PROVIDER_MODELS.fal.models.find((m) => m.ref === endpoint);
  if (!served) throw new HttpError(404, { detail: `Application '${endpoint}' not found` });
  return served;
}

export function checkInput(served: ServedModel, input: unknown): void {
  const issues = validateInput(input, served.input);
  if (issues.length === 0) return;
  const detail = issues.map((issue) => ({
    loc: ["body", ...issue.path],
    msg: issue.message,
    type: issue.type,
  }));
  throw new HttpError(422, { detail });
}

export function balanceExhausted(): HttpError {
  return new HttpError(403, {
    detail: "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.",
  });
}
