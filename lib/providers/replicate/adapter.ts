import "server-only";
import Replicate, { type Prediction } from "replicate";
import type { ModelDefinition } from "@/lib/models-config";
import { replicateConfig } from "@/lib/providers/config";
import { verifyStandardWebhook } from "@/lib/providers/standard-webhooks";
import {
  type InterpretedEvent,
  type JobState,
  type MediaSource,
  type ProviderAdapter,
  ProviderError,
  WebhookRejected,
} from "@/lib/providers/types";

let client: Replicate | undefined;
let webhookSecret: Promise<string> | undefined;

function replicate(): Replicate {
  const config = replicateConfig();
  client ??= new Replicate({ auth: config.auth, baseUrl: config.baseUrl, useFileOutput: false });
  return client;
}

/** The account's signing secret: from env, else asked once from the API (one secret per account). */
function signingSecret(): Promise<string> {
  const configured = replicateConfig().webhookSecret;
  if (configured) return Promise.resolve(configured);
  webhookSecret ??= replicate()
    .webhooks.default.secret.get()
    .then((s) => s.key)
    .catch((error) => {
      webhookSecret = undefined;
      throw error;
    });
  return webhookSecret;
}

/** Replicate outputs are a URL, a list of URLs, or an object holding them (PROTOCOLS.md 1.3). */
export function replicateOutputSources(output: unknown): MediaSource[] {
  if (typeof output === "string") return /^https?:\/\//.test(output) ? [{ url: output }] : [];
  if (Array.isArray(output)) return output.flatMap(replicateOutputSources);
  if (output && typeof output === "object") return Object.values(output).flatMap(replicateOutputSources);
  return [];
}

export function replicateState(prediction: Pick<Prediction, "status" | "output" | "error">): JobState {
  switch (prediction.status) {
    case "starting":
      return { status: "queued" };
    case "processing":
      return { status: "processing" };
    case "succeeded": {
      const sources = replicateOutputSources(prediction.output);
      return sources.length
        ? { status: "succeeded", sources }
        : { status: "failed", error: "The model returned no files." };
    }
    case "failed":
      return { status: "failed", error: readableError(prediction.error) };
    default:
      return { status: "canceled" };
  }
}

function readableError(error: unknown): string {
  const text = typeof error === "string" ? error : error ? JSON.stringify(error) : "";
  return text ? `Replicate: ${text}` : "Replicate reported a failure without a reason.";
}

function wrap(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const status = (error as { response?: { status?: number } }).response?.status ?? null;
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError(
    `Replicate request failed${status ? ` (${status})` : ""}: ${message.slice(0, 300)}`,
    status,
  );
}

export const replicateAdapter: ProviderAdapter = {
  id: "replicate",

  async submit({ model, input, webhookUrl }) {
    if (model.provider !== "replicate") throw new Error(`not a Replicate model: ${model.id}`);
    const providerInput = model.toProviderInput(input);
    const [ref, version] = model.providerRef.split(":");
    try {
      const prediction = await replicate().predictions.create({
        ...(version ? { version } : { model: ref as string }),
        input: providerInput,
        webhook: webhookUrl,
        webhook_events_filter: ["start", "completed"],
      });
      return { jobId: prediction.id };
    } catch (error) {
      throw wrap(error);
    }
  },

  async verifyWebhook(headers, rawBody) {
    const secret = await signingSecret().catch(() => {
      throw new WebhookRejected("Replicate webhook secret unavailable");
    });
    const { id } = verifyStandardWebhook(headers, rawBody, secret);
    try {
      return { eventId: id, payload: JSON.parse(rawBody) };
    } catch {
      throw new WebhookRejected("webhook body is not JSON");
    }
  },

  interpretWebhook(payload): InterpretedEvent {
    const prediction = payload as Prediction;
    if (!prediction || typeof prediction.id !== "string") throw new Error("Replicate payload without an id");
    return { jobId: prediction.id, state: replicateState(prediction) };
  },

  async fetchStatus(_model: ModelDefinition, jobId: string) {
    try {
      return replicateState(await replicate().predictions.get(jobId));
    } catch (error) {
      throw wrap(error);
    }
  },

  async cancel(_model: ModelDefinition, jobId: string) {
    try {
      await replicate().predictions.cancel(jobId);
    } catch (error) {
      throw wrap(error);
    }
  },
};
