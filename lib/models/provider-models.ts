// What each provider actually serves, as read from its own pages on the date given: the API
// versions, the model ids (with the input fields each model's published schema accepts), and ids
// we used that the provider has since retired. The local emulator serves exactly this list and
// validates inputs against these schemas, and a unit test checks that the catalog names only
// listed models, so a retired id or a misread field fails in tests instead of in production.
// Pure data: no secrets, no I/O.
import { FAL_SERVED } from "./provider-schemas-fal";
import { GOOGLE_SERVED } from "./provider-schemas-google";
import { REPLICATE_SERVED } from "./provider-schemas-replicate";
import type { ProviderId } from "./types";

/** One input field as a provider's schema declares it (a small subset of JSON Schema). */
export type FieldSpec =
  | { type: "string"; enum?: readonly string[]; format?: "uri"; maxLength?: number }
  | { type: "integer" | "number"; enum?: readonly number[]; minimum?: number; maximum?: number }
  | { type: "boolean" }
  | { type: "array"; items: FieldSpec; minItems?: number; maxItems?: number }
  | {
      type: "object";
      properties: Readonly<Record<string, FieldSpec>>;
      required?: readonly string[];
      /** Any further keys are allowed too (e.g. a JSON schema the request carries). */
      open?: boolean;
    }
  /** Either of several shapes, e.g. fal's `image_size`: a preset name or `{width, height}`. */
  | { type: "oneOf"; options: readonly FieldSpec[] };

export type InputSchema = {
  required: readonly string[];
  properties: Readonly<Record<string, FieldSpec>>;
};

/** Where and when a model id was checked against the provider's own documentation. */
export type Verification = { on: string; source: string };

export type ServedModel = {
  /** The provider's id: Replicate `owner/name` (official) or `owner/name:<version>`, a fal endpoint, a Gemini model. */
  ref: string;
  input: InputSchema;
  verified: Verification;
};

export type RetiredModel = {
  ref: string;
  /** The day the provider stopped serving it. */
  shutDown: string;
  replacement: string;
  source: string;
};

export type ProviderServes = {
  /** API versions the endpoints we call exist under (Replicate `v1`; Gemini `v1beta`). */
  apiVersions: readonly string[];
  models: readonly ServedModel[];
  retired: readonly RetiredModel[];
};

export const PROVIDER_MODELS: Readonly<Record<ProviderId, ProviderServes>> = {
  replicate: REPLICATE_SERVED,
  fal: FAL_SERVED,
  google: GOOGLE_SERVED,
};

/** The served model a catalog `providerRef` names, or undefined when the provider does not serve it. */
export function servedModel(provider: ProviderId, ref: string): ServedModel | undefined {
  return PROVIDER_MODELS[provider].models.find((model) => model.ref === ref);
}

export function retiredModel(provider: ProviderId, ref: string): RetiredModel | undefined {
  return PROVIDER_MODELS[provider].retired.find((model) => model.ref === ref);
}
