// What went wrong with a create request, and where the form shows it: beside the field the
// API named (`field`, or the "name: message" prefix of older answers), else beside Generate.
import { ApiError } from "@/components/providers/fetch-json";
import type { LiteModel } from "@/lib/models-lite";
import { fieldError } from "./form-values";

export type Problem = {
  fields: Record<string, string>;
  /** Shown next to the Generate button, announced and focused. */
  banner: string | null;
  /** The API's code: "payment_required" adds the way to get credits. */
  code: string | null;
};

export const NO_PROBLEM: Problem = { fields: {}, banner: null, code: null };

export function problemFrom(model: LiteModel, error: Error): Problem {
  const api = error instanceof ApiError ? error : null;
  const code = api?.code ?? null;
  // The create body nests the form under `input`: "input.prompt" is the prompt field.
  const named = api?.field?.replace(/^input\./, "").split(".")[0];
  const param = named ? model.params.find((p) => p.name === named) : undefined;
  if (param) {
    const message = fieldError(model, error.message)?.message ?? error.message;
    return { fields: { [param.name]: message }, banner: null, code };
  }
  const status = api?.status ?? 0;
  const parsed = status === 400 || status === 422 ? fieldError(model, error.message) : null;
  if (parsed) return { fields: { [parsed.field]: parsed.message }, banner: null, code };
  return { fields: {}, banner: error.message, code };
}

/** Moves focus to the first field with an error, else to the message beside Generate (once rendered). */
export function focusProblem(model: LiteModel, problem: Problem, bannerId: string): void {
  const first = model.params.find((p) => problem.fields[p.name]);
  const id = first ? `f-${model.id}-${first.name}` : problem.banner ? bannerId : null;
  if (id) document.getElementById(id)?.focus();
}
