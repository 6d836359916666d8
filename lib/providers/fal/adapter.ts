import "server-only";
import { ApiError, createFalClient, type FalClient } from "@fal-ai/client";
import type { ModelDefinition } from "@/lib/models-config";
import { falConfig, falJwksUrl } from "@/lib/providers/config";
import { verifyFalWebhook } from "@/lib/providers/fal/webhook-signature";
import { lastLogLine, parseProgress } from "@/lib/providers/log-progress";
import { throttleAwareFetch } from "@/lib/providers/throttle-aware-fetch";
import { poolInUse } from "@/lib/providers/token-pool";
import {
  credentialCacheKey,
  type InterpretedEvent,
  type JobState,
  type MediaSource,
  type ProviderAdapter,
  type ProviderCredential,
  ProviderError,
  WebhookRejected,
} from "@/lib/providers/types";

const FAL_QUEUE_HOST = "https://queue.fal.run";
/** One client per key (pool token id, or "env"), created on first use. */
const clients = new Map<string, FalClient>();

function fal(credential: ProviderCredential): FalClient {
  const key = credentialCacheKey(credential);
  let client = clients.get(key);
  if (!client) {
    const config = falConfig(credential);
    // The client has no base-URL option; requests are redirected to FAL_QUEUE_URL (docs/protocols.md §2.6).
    client = createFalClient({
      credentials: config.credentials,
      fetch: throttleAwareFetch(),
      requestMiddleware: async (request) =>
        config.queueUrl === FAL_QUEUE_HOST
          ? request
          : { ...request, url: request.url.replace(FAL_QUEUE_HOST, config.queueUrl) },
    });
    clients.set(key, client);
  }
  return client;
}

/** fal outputs: `images: [{url}]` for image models, `video: {url}` for video (docs/protocols.md §2.5). */
export function falOutputSources(payload: unknown): MediaSource[] {
  const output = (payload ?? {}) as {
    images?: { url?: unknown }[];
    image?: { url?: unknown };
    video?: { url?: unknown };
  };
  const files = [...(output.images ?? []), output.image, output.video];
  return files.flatMap((file) => (file && typeof file.url === "string" ? [{ url: file.url }] : []));
}

/**
 * fal answers an account whose balance ran out (or that is locked for another reason) with
 * 403 `{"detail":"User is locked. Reason: Exhausted balance. Top up your balance at …"}`, on
 * every billable call while status reads still work. Another key's account may still have credit.
 */
const ACCOUNT_LOCKED = /User is locked|Exhausted balance/i;

function wrap(error: unknown): ProviderError {
  if (error instanceof ApiError) {
    const detail = typeof error.body === "object" ? JSON.stringify(error.body).slice(0, 300) : error.message;
    const locked = (error.status === 402 || error.status === 403) && ACCOUNT_LOCKED.test(detail);
    return new ProviderError(`fal request failed (${error.status}): ${detail}`, error.status, {
      ...(locked && { keyFailure: "billing" }),
    });
  }
  return new ProviderError(`fal request failed: ${error instanceof Error ? error.message : String(error)}`);
}

function readableError(error: unknown, payload: unknown): string {
  const detail = (payload as { detail?: unknown } | null)?.detail;
  const parts = [
    typeof error === "string" ? error : "",
    detail ? JSON.stringify(detail).slice(0, 300) : "",
  ].filter(Boolean);
  return parts.length ? `fal: ${parts.join(" — ")}` : "fal reported a failure without a reason.";
}

/** A queue status still running: IN_QUEUE, or IN_PROGRESS with the logs so far (cumulative). */
export function falRunningState(status: { status: string; logs?: { message?: unknown }[] | null }): JobState {
  if (status.status === "IN_QUEUE") return { status: "queued" };
  const logs = (status.logs ?? []).map((entry) => (typeof entry.message === "string" ? entry.message : ""));
  const text = logs.join("\n");
  return {
    status: "processing",
    progress: parseProgress(text),
    logLine: lastLogLine(text),
    logPosition: logs.length,
  };
}

export const falAdapter: ProviderAdapter = {
  id: "fal",
  // fal's webhook is sent once, at the end: a running job is seen by asking its queue status.
  progressBy: "poll",

  async submit({ model, input, webhookUrl, credential }) {
    if (model.provider !== "fal") throw new Error(`not a fal model: ${model.id}`);
    try {
      const queued = await fal(credential).queue.submit(model.providerRef, {
        input: model.toProviderInput(input),
        webhookUrl,
      });
      return { jobId: queued.request_id };
    } catch (error) {
      throw wrap(error);
    }
  },

  async verifyWebhook(headers, rawBody) {
    // fal signs with its own keys (JWKS), the same for every account: no per-key secret.
    const { requestId } = await verifyFalWebhook(headers, rawBody, falJwksUrl(await poolInUse("fal")));
    let payload: unknown;
    try {
      payload = JSON.parse(rawBody);
    } catch {
      throw new WebhookRejected("webhook body is not JSON");
    }
    // fal sends one final webhook per request (retried with the same id).
    return { eventId: requestId, payload };
  },

  interpretWebhook(payload): InterpretedEvent {
    const body = payload as { request_id?: string; status?: string; payload?: unknown; error?: unknown };
    if (!body || typeof body.request_id !== "string") throw new Error("fal payload without a request_id");
    if (body.status !== "OK")
      return {
        jobId: body.request_id,
        state: { status: "failed", error: readableError(body.error, body.payload) },
      };
    const sources = falOutputSources(body.payload);
    const state: JobState = sources.length
      ? { status: "succeeded", sources }
      : { status: "failed", error: "The model returned no files." };
    return { jobId: body.request_id, state };
  },

  async fetchStatus(model: ModelDefinition, jobId: string, credential: ProviderCredential) {
    try {
      const status = await fal(credential).queue.status(model.providerRef, { requestId: jobId, logs: true });
      if (status.status === "IN_QUEUE" || status.status === "IN_PROGRESS") return falRunningState(status);
      const result = await fal(credential).queue.result(model.providerRef, { requestId: jobId });
      const sources = falOutputSources(result.data);
      return sources.length
        ? { status: "succeeded", sources }
        : { status: "failed", error: "The model returned no files." };
    } catch (error) {
      // A finished request whose result is an error answers the result call with the error.
      // A refused key (401/403) or a rate limit (429) says nothing about the job.
      if (
        error instanceof ApiError &&
        error.status >= 400 &&
        error.status < 500 &&
        ![401, 403, 429].includes(error.status)
      ) {
        return { status: "failed", error: readableError(error.message, error.body) };
      }
      throw wrap(error);
    }
  },

  async cancel(model: ModelDefinition, jobId: string, credential: ProviderCredential) {
    try {
      await fal(credential).queue.cancel(model.providerRef, { requestId: jobId });
    } catch (error) {
      throw wrap(error);
    }
  },
};
