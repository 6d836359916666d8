// Types of the model catalog. Plain data plus two pure functions per model; nothing here touches
// secrets or the network, so the catalog may be imported anywhere (models-lite.ts reaches the browser).
import type { z } from "zod";
import type { ParamDescriptor } from "./params";
import type { ModelPorts } from "./ports";
import type { Verification } from "./provider-models";
import type { TextTask } from "./text-tasks";
import type { Tool } from "./tools";

export type ProviderId = "replicate" | "fal" | "google";
export type ModelKind = "image" | "video" | "text";

/** What one credit amount is charged per. Pricing code multiplies `credits` by `billableUnits(input)`. */
export type PricingUnit = "image" | "second" | "megapixel" | "request";
export type ModelPrice = { unit: PricingUnit; credits: number };

/** Input after validation: our parameter names, defaults filled in. */
export type ModelInput = Readonly<Record<string, unknown>>;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Replicate `input` object and fal request body: the provider's own field names. */
export type ProviderJsonInput = { [key: string]: JsonValue };

/**
 * An image the Google adapter must turn into bytes before sending: Gemini wants
 * `inlineData {mimeType, data}`. Kept as a URL here so
 * `toProviderInput` stays pure and synchronous.
 */
export type RemoteImage = { imageUrl: string };

export type GeminiPart = { text: string } | RemoteImage;

/** `models.generateContent` parameters (minus `model`), as in `@google/genai`. */
export type GeminiImageRequest = {
  method: "generateContent";
  contents: { role: "user"; parts: GeminiPart[] }[];
  config: { responseModalities: ("TEXT" | "IMAGE")[]; imageConfig?: { aspectRatio?: string } };
};

/**
 * A text answer: `task` names the system prompt the adapter adds (admins may edit it) and how
 * the answer becomes outputs; a structured answer comes with its JSON schema.
 */
export type GeminiTextRequest = {
  method: "generateContent";
  task: TextTask;
  contents: { role: "user"; parts: GeminiPart[] }[];
  config: {
    responseModalities: ["TEXT"];
    responseMimeType?: "application/json";
    responseJsonSchema?: JsonValue;
    temperature?: number;
  };
};

export type GoogleRequest = GeminiImageRequest | GeminiTextRequest;

export type ProviderInputMap = {
  replicate: ProviderJsonInput;
  fal: ProviderJsonInput;
  google: GoogleRequest;
};

export type ModelOf<P extends ProviderId> = {
  /** Our stable catalog id (kebab-case); stored on every generation row. */
  id: string;
  provider: P;
  /**
   * Replicate: `owner/name` (official models) or `owner/name:<64-hex version>`.
   * fal: endpoint id such as `fal-ai/flux/dev`. Google: model name such as `gemini-3.1-flash-image`.
   */
  providerRef: string;
  /**
   * When and where `providerRef` was last checked against the provider's own model list
   * (lib/models/provider-models.ts); null when the provider does not list it.
   */
  verified: Verification | null;
  name: string;
  description: string;
  kind: ModelKind;
  /** What the model can be used for; pages and flow nodes list models by tool. */
  tools: readonly Tool[];
  /** Typed inputs (named after ports, read from `params`) and the output kind. */
  ports: ModelPorts;
  /**
   * The largest input image this model takes (checked at create for the caller's own files,
   * whose size we know), so an oversized image is refused before it is paid for.
   */
  imageLimits?: { maxPixels: number };
  /** Image-edit models: how many reference images one request may carry. */
  maxReferenceImages?: number;
  /** Strict zod object over our input names; validates and fills defaults. */
  inputSchema: z.ZodType<ModelInput>;
  /** The same fields as serialisable descriptors (for the form and the client catalog). */
  params: readonly ParamDescriptor[];
  price: ModelPrice;
  /** How many `price.unit`s this input costs (images, seconds or megapixels). */
  billableUnits(input: ModelInput): number;
  /** How long a job may run before the reconciler fails it. */
  maxDurationSeconds: number;
  enabled: boolean;
  /** Maps our validated input to the provider's real input names. Re-validates, so raw stored input works too. */
  toProviderInput(input: ModelInput): ProviderInputMap[P];
};

export type ReplicateModel = ModelOf<"replicate">;
export type FalModel = ModelOf<"fal">;
export type GoogleModel = ModelOf<"google">;
export type ModelDefinition = ReplicateModel | FalModel | GoogleModel;
