import "server-only";
// Google: Gemini image models answer generateContent synchronously with inline bytes, so the
// call runs in the generation's submit job and its bytes enter the same pipeline
// (docs/protocols.md §3.2). The
// Gemini API no longer serves Veo (shut down 2026-10-22); the catalog runs Veo on Replicate.
import { randomUUID } from "node:crypto";
import { type GenerateContentResponse, GoogleGenAI } from "@google/genai";
import type { GeminiImageRequest, ModelDefinition } from "@/lib/models-config";
import { geminiConfig } from "@/lib/providers/config";
import { ReferenceImageError, readReferenceImage } from "@/lib/providers/reference-image";
import {
  credentialCacheKey,
  type JobState,
  type KeyFailure,
  type ProviderAdapter,
  type ProviderCredential,
  ProviderError,
  WebhookRejected,
} from "@/lib/providers/types";

/** The Gemini API version every call uses (see lib/models/provider-schemas-google.ts). */
export const GEMINI_API_VERSION = "v1beta";

/** One SDK client per key (pool token id, or "env"), created on first use. */
const clients = new Map<string, GoogleGenAI>();

function genai(credential: ProviderCredential): GoogleGenAI {
  const key = credentialCacheKey(credential);
  let client = clients.get(key);
  if (!client) {
    const config = geminiConfig(credential);
    client = new GoogleGenAI({
      apiKey: config.apiKey,
      // Image output (responseModalities, imageConfig) exists on v1beta only, and @google/genai 3
      // calls v1 unless told otherwise; v1 refuses those fields as unknown.
      httpOptions: { apiVersion: GEMINI_API_VERSION, ...(config.baseUrl && { baseUrl: config.baseUrl }) },
    });
    clients.set(key, client);
  }
  return client;
}

/**
 * The Gemini API answers a bad key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID, and a
 * quota problem with 429 RESOURCE_EXHAUSTED and a RetryInfo delay (docs/protocols.md §3).
 */
function keyFailureOf(
  status: number | null,
  text: string,
): { keyFailure: KeyFailure | null; retryAfterSeconds: number | null } {
  if (status === 401 || /API_KEY_INVALID|API key not valid/i.test(text))
    return { keyFailure: "rejected", retryAfterSeconds: null };
  if (status === 429) {
    const delay = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(text)?.[1];
    return { keyFailure: "rate_limited", retryAfterSeconds: delay ? Math.ceil(Number(delay)) : null };
  }
  return { keyFailure: null, retryAfterSeconds: null };
}

function wrap(error: unknown): ProviderError {
  const status = (error as { status?: number }).status ?? null;
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError(
    `Google request failed${status ? ` (${status})` : ""}: ${message.slice(0, 300)}`,
    status,
    keyFailureOf(status, message),
  );
}

async function runGemini(
  model: string,
  request: GeminiImageRequest,
  credential: ProviderCredential,
): Promise<JobState> {
  const parts = [];
  let imageIndex = 0;
  for (const part of request.contents[0]?.parts ?? []) {
    if ("text" in part) parts.push({ text: part.text });
    else {
      const field = `reference_images.${imageIndex++}`;
      try {
        const image = await readReferenceImage(part.imageUrl, field);
        parts.push({ inlineData: { mimeType: image.mimeType, data: image.data.toString("base64") } });
      } catch (error) {
        // A reference that cannot be read fails this generation (and refunds it), not the key.
        if (error instanceof ReferenceImageError) return { status: "failed", error: error.message };
        throw error;
      }
    }
  }
  let response: GenerateContentResponse;
  try {
    response = await genai(credential).models.generateContent({
      model,
      contents: [{ role: "user", parts }],
      config: request.config,
    });
  } catch (error) {
    const failure = wrap(error);
    // A refused or rate-limited key is the pool's to handle (another key may work).
    if (failure.keyFailure) throw failure;
    return { status: "failed", error: failure.message };
  }
  return geminiState(response);
}

export function geminiState(response: GenerateContentResponse): JobState {
  const candidate = response.candidates?.[0];
  const images = (candidate?.content?.parts ?? []).flatMap((part) =>
    part.inlineData?.data
      ? [{ bytes: Buffer.from(part.inlineData.data, "base64"), mimeType: part.inlineData.mimeType }]
      : [],
  );
  if (images.length) return { status: "succeeded", sources: images };
  const reason = candidate?.finishReason ?? response.promptFeedback?.blockReason;
  // Gemini often explains a refusal in a text part; that is the most useful thing to show.
  const explanation = (candidate?.content?.parts ?? [])
    .flatMap((part) => (part.text ? [part.text.trim()] : []))
    .join(" ")
    .slice(0, 300);
  const summary = reason ? `Gemini returned no image (${reason})` : "Gemini returned no image";
  return { status: "failed", error: explanation ? `${summary}: ${explanation}` : `${summary}.` };
}

export const googleAdapter: ProviderAdapter = {
  id: "google",
  progressBy: "none",

  async submit({ model, input, credential }) {
    if (model.provider !== "google") throw new Error(`not a Google model: ${model.id}`);
    const request = model.toProviderInput(input);
    return {
      jobId: `gemini-${randomUUID()}`,
      runAfterResponse: () => runGemini(model.providerRef, request, credential),
    };
  },

  async verifyWebhook() {
    // Generation requests are not sent with webhooks; results come from polling.
    throw new WebhookRejected("Google webhooks are not used");
  },

  interpretWebhook() {
    throw new Error("Google webhooks are not used");
  },

  async fetchStatus(_model: ModelDefinition, jobId: string) {
    // A synchronous call that never reported back (the process died mid-way) cannot be resumed.
    if (jobId.startsWith("gemini-"))
      return { status: "failed", error: "The image request was interrupted before it finished." };
    // A Veo operation from before the Gemini API stopped serving Veo.
    return { status: "failed", error: "Veo on the Gemini API has been shut down; please generate again." };
  },

  async cancel() {
    // A Gemini call cannot be canceled; we stop tracking it.
  },
};
