import "server-only";
import Replicate, { type Prediction } from "replicate";
import type { ModelDefinition } from "@/lib/models-config";
import { envCredential, replicateConfig } from "@/lib/providers/config";
import { lastLogLine, parseProgress } from "@/lib/providers/log-progress";
import { verifyStandardWebhook } from "@/lib/providers/standard-webhooks";
import { throttleAwareFetch } from "@/lib/providers/throttle-aware-fetch";
import { poolCredentials } from "@/lib/providers/token-pool";
import {
  credentialCacheKey,
  type InterpretedEvent,
  type JobState,
  type MediaSource,
  type ProviderAdapter,
  type ProviderCredential,
  ProviderError,
  parseRetryAfter,
  WebhookRejected,
} from "@/lib/providers/types";

/** One SDK client per key (pool token id, or "env"), created on first use. */
const clients = new Map<string, Replicate>();

function replicate(credential: ProviderCredential): Replicate {
  const key = credentialCacheKey(credential);
  let client = clients.get(key);
  if (!client) {
    const config = replicateConfig(credential);
    client = new Replicate({
      auth: config.auth,
      baseUrl: config.baseUrl,
      useFileOutput: false,
      fetch: throttleAwareFetch(),
    });
    clients.set(key, client);
  }
  return client;
}

/** After a failed secret lookup (a refused key, the API down), ask again after this long. */
const SECRET_RETRY_MS = 60_000;
const signingSecrets = new Map<string, { secret: Promise<string>; expires: number; known: boolean }>();

/** A key's account signing secret, asked once from the API (one secret per account). */
function signingSecret(credential: ProviderCredential): Promise<string> {
  const key = credentialCacheKey(credential);
  const cached = signingSecrets.get(key);
  if (cached && cached.expires > Date.now()) return cached.secret;
  const entry = {
    secret: replicate(credential)
      .webhooks.default.secret.get()
      .then((s) => s.key),
    expires: Number.POSITIVE_INFINITY,
    known: false,
  };
  entry.secret.then(
    () => {
      entry.known = true;
    },
    () => {
      entry.expires = Date.now() + SECRET_RETRY_MS;
    },
  );
  signingSecrets.set(key, entry);
  return entry.secret;
}

/**
 * Webhooks are signed per account, so a delivery may belong to any key: the configured secret
 * (or the env key's account), then every active pool key, plus disabled keys already known here.
 */
async function candidateSecrets(): Promise<string[]> {
  const configured = replicateConfig().webhookSecret;
  const pool = (await poolCredentials("replicate")).filter(
    ({ credential, active }) => active || signingSecrets.get(credentialCacheKey(credential))?.known,
  );
  const lookups = [
    configured ? Promise.resolve(configured) : signingSecret(envCredential("replicate")),
    ...pool.map(({ credential }) => signingSecret(credential)),
  ];
  const settled = await Promise.allSettled(lookups);
  const secrets = settled.flatMap((r) => (r.status === "fulfilled" && r.value ? [r.value] : []));
  return [...new Set(secrets)];
}

/** Replicate outputs are a URL, a list of URLs, or an object holding them (docs/protocols.md §1.3). */
export function replicateOutputSources(output: unknown): MediaSource[] {
  if (typeof output === "string") return /^https?:\/\//.test(output) ? [{ url: output }] : [];
  if (Array.isArray(output)) return output.flatMap(replicateOutputSources);
  if (output && typeof output === "object") return Object.values(output).flatMap(replicateOutputSources);
  return [];
}

type PredictionReport = Pick<Prediction, "status" | "output" | "error"> &
  Partial<Pick<Prediction, "logs" | "started_at">>;

export function replicateState(prediction: PredictionReport): JobState {
  switch (prediction.status) {
    case "starting":
      // Waiting for a model instance (booting it on a cold start).
      return { status: "starting" };
    case "processing": {
      const logs = typeof prediction.logs === "string" ? prediction.logs : "";
      const startedAt = prediction.started_at ? new Date(prediction.started_at) : null;
      return {
        status: "processing",
        progress: parseProgress(logs),
        logLine: lastLogLine(logs),
        logPosition: logs.length,
        startedAt: startedAt && !Number.isNaN(startedAt.getTime()) ? startedAt : null,
      };
    }
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
  const response = (error as { response?: { status?: number; headers?: Headers } }).response;
  const status = response?.status ?? null;
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError(
    `Replicate request failed${status ? ` (${status})` : ""}: ${message.slice(0, 300)}`,
    status,
    { retryAfterSeconds: parseRetryAfter(response?.headers?.get?.("retry-after")) },
  );
}

export const replicateAdapter: ProviderAdapter = {
  id: "replicate",
  progressBy: "webhook",

  async submit({ model, input, webhookUrl, credential }) {
    if (model.provider !== "replicate") throw new Error(`not a Replicate model: ${model.id}`);
    const providerInput = model.toProviderInput(input);
    const [ref, version] = model.providerRef.split(":");
    try {
      const prediction = await replicate(credential).predictions.create({
        ...(version ? { version } : { model: ref as string }),
        input: providerInput,
        webhook: webhookUrl,
        // `logs` brings the move to processing and the progress lines (at most one delivery per
        // 500 ms); `output` is left out: outputs are stored once the prediction has completed.
        webhook_events_filter: ["start", "logs", "completed"],
      });
      return { jobId: prediction.id };
    } catch (error) {
      throw wrap(error);
    }
  },

  async verifyWebhook(headers, rawBody) {
    const secrets = await candidateSecrets();
    if (!secrets.length) throw new WebhookRejected("Replicate webhook secret unavailable");
    let id: string | undefined;
    let rejection: unknown;
    for (const secret of secrets) {
      try {
        ({ id } = verifyStandardWebhook(headers, rawBody, secret));
        break;
      } catch (error) {
        rejection ??= error;
      }
    }
    if (id === undefined) throw rejection;
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

  async fetchStatus(_model: ModelDefinition, jobId: string, credential: ProviderCredential) {
    try {
      return replicateState(await replicate(credential).predictions.get(jobId));
    } catch (error) {
      throw wrap(error);
    }
  },

  async cancel(_model: ModelDefinition, jobId: string, credential: ProviderCredential) {
    try {
      await replicate(credential).predictions.cancel(jobId);
    } catch (error) {
      throw wrap(error);
    }
  },
};
