import "server-only";
// Google: Gemini image models answer generateContent synchronously with inline bytes, so the
// call runs after the response and its bytes enter the same pipeline; Veo is a long-running
// operation, polled after the response and by the reconciler (PROTOCOLS.md 3.2, 3.4).
import { randomUUID } from "node:crypto";
import { type GenerateContentResponse, GenerateVideosOperation, GoogleGenAI } from "@google/genai";
import type { GeminiImageRequest, ModelDefinition, VeoVideoRequest } from "@/lib/models-config";
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

/** One SDK client per key (pool token id, or "env"), created on first use. */
const clients = new Map<string, GoogleGenAI>();

function genai(credential: ProviderCredential): GoogleGenAI {
  const key = credentialCacheKey(credential);
  let client = clients.get(key);
  if (!client) {
    const config = geminiConfig(credential);
    client = new GoogleGenAI({
      apiKey: config.apiKey,
      ...(config.baseUrl && { httpOptions: { baseUrl: config.baseUrl } }),
    });
    clients.set(key, client);
  }
  return client;
}

/**
 * The Gemini API answers a bad key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID, and a
 * quota problem with 429 RESOURCE_EXHAUSTED and a RetryInfo delay (PROTOCOLS.md 3).
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
      const field = `image_urls.${imageIndex++}`;
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

/**
 * Starts a Veo operation with a plain predictLongRunning call: the SDK's generateVideos is
 * Vertex-only in @google/genai 3.x, while polling with operations.getVideosOperation works.
 */
async function startVeo(
  model: string,
  request: VeoVideoRequest,
  credential: ProviderCredential,
): Promise<string> {
  const toImage = async (ref: { imageUrl: string } | undefined, field: string) => {
    if (!ref) return undefined;
    try {
      const image = await readReferenceImage(ref.imageUrl, field);
      return { bytesBase64Encoded: image.data.toString("base64"), mimeType: image.mimeType };
    } catch (error) {
      // 400: the input is at fault, not the key, so the pool records nothing against it.
      if (error instanceof ReferenceImageError) throw new ProviderError(error.message, 400);
      throw error;
    }
  };
  const { lastFrame, numberOfVideos, ...parameters } = request.config;
  const instance = {
    prompt: request.prompt,
    ...(request.image && { image: await toImage(request.image, "image_url") }),
    ...(lastFrame && { lastFrame: await toImage(lastFrame, "last_frame_url") }),
  };
  const config = geminiConfig(credential);
  const base = config.baseUrl ?? "https://generativelanguage.googleapis.com";
  const res = await fetch(new URL(`/v1beta/models/${model}:predictLongRunning`, base), {
    method: "POST",
    headers: { "content-type": "application/json", "x-goog-api-key": config.apiKey },
    body: JSON.stringify({
      instances: [instance],
      parameters: { sampleCount: numberOfVideos, ...parameters },
    }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await res.json().catch(() => ({}))) as { name?: string; error?: { message?: string } };
  if (!res.ok)
    throw new ProviderError(
      `Veo request failed (${res.status}): ${body.error?.message ?? "no reason given"}`,
      res.status,
      keyFailureOf(res.status, JSON.stringify(body)),
    );
  if (!body.name) throw new ProviderError("Veo returned an operation without a name.");
  return body.name;
}

function veoState(operation: GenerateVideosOperation, credential: ProviderCredential): JobState {
  if (!operation.done) return { status: "processing" };
  if (operation.error)
    return { status: "failed", error: `Veo: ${String(operation.error.message ?? "the operation failed")}` };
  const uri = operation.response?.generatedVideos?.[0]?.video?.uri;
  if (!uri) return { status: "failed", error: "Veo returned no video (it may have been filtered)." };
  // Veo's download URL needs the API key; it travels as a header, never in the URL.
  return {
    status: "succeeded",
    sources: [{ url: uri, headers: { "x-goog-api-key": geminiConfig(credential).apiKey } }],
  };
}

export const googleAdapter: ProviderAdapter = {
  id: "google",

  async submit({ model, input, credential }) {
    if (model.provider !== "google") throw new Error(`not a Google model: ${model.id}`);
    const request = model.toProviderInput(input);
    if (request.method === "generateContent") {
      return {
        jobId: `gemini-${randomUUID()}`,
        runAfterResponse: () => runGemini(model.providerRef, request, credential),
      };
    }
    try {
      return { jobId: await startVeo(model.providerRef, request, credential) };
    } catch (error) {
      throw error instanceof ProviderError ? error : wrap(error);
    }
  },

  async verifyWebhook() {
    // Generation requests are not sent with webhooks; results come from polling.
    throw new WebhookRejected("Google webhooks are not used");
  },

  interpretWebhook() {
    throw new Error("Google webhooks are not used");
  },

  async fetchStatus(_model: ModelDefinition, jobId: string, credential: ProviderCredential) {
    if (jobId.startsWith("gemini-")) {
      // A synchronous call that never reported back (the process died mid-way) cannot be resumed.
      return { status: "failed", error: "The image request was interrupted before it finished." };
    }
    try {
      const operation = new GenerateVideosOperation();
      operation.name = jobId;
      return veoState(await genai(credential).operations.getVideosOperation({ operation }), credential);
    } catch (error) {
      throw wrap(error);
    }
  },

  async cancel() {
    // Neither Gemini calls nor Veo operations can be canceled on the Gemini API; we stop tracking.
  },
};
