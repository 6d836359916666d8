// The common provider adapter interface (docs/architecture.md §8). Everything above the adapters —
// routes, the lifecycle, the pipeline — is the same for every provider.
import type { ProviderStatus } from "@/lib/generations/status";
import type { ModelDefinition, ProviderId } from "@/lib/models-config";

/** A file to copy into our storage: a URL at the provider's CDN, or inline bytes (Gemini). */
export type MediaSource =
  | { url: string; headers?: Record<string, string> }
  | { bytes: Buffer; mimeType?: string };

/**
 * What the provider says about a job still running, with what it tells of its progress.
 * Providers report cumulative logs, so `logPosition` (how much of them this report saw) orders
 * reports that arrive out of order; `startedAt` is the provider's own start time when it has one.
 */
export type RunningState = {
  status: ProviderStatus;
  progress?: number | null;
  logLine?: string | null;
  logPosition?: number;
  startedAt?: Date | null;
};

/** What the provider says about a job, normalised. */
export type JobState =
  | RunningState
  | { status: "succeeded"; sources: MediaSource[] }
  | { status: "failed"; error: string }
  | { status: "canceled" };

/** A webhook whose signature checked out: its dedupe key and the parsed body. */
export type VerifiedWebhook = { eventId: string; payload: unknown };

/** What a recorded webhook payload says: which job, in which state. */
export type InterpretedEvent = { jobId: string; state: JobState };

export type Submission = {
  jobId: string;
  /**
   * Synchronous providers (Gemini images) hand back work to run after the response; it throws a
   * ProviderError with `keyFailure` when the key was refused or rate limited.
   */
  runAfterResponse?: () => Promise<JobState>;
};

/**
 * The API key one call uses: a key from the pool (`tokenId`), or the env/emulator one (`null`).
 * SDK clients are cached per credential (`tokenId ?? "env"`); a pool key's secret never changes.
 */
export type ProviderCredential = { tokenId: string | null; secret: string };

export const credentialCacheKey = (credential: ProviderCredential) => credential.tokenId ?? "env";

export interface ProviderAdapter {
  readonly id: ProviderId;
  /**
   * How a running job's start and progress reach us: by webhook (Replicate's start and logs
   * events), only when asked (fal's queue status, polled by the `generation.watch` job), or not
   * at all (a synchronous call).
   */
  readonly progressBy: "webhook" | "poll" | "none";
  submit(args: {
    model: ModelDefinition;
    input: Record<string, unknown>;
    webhookUrl: string;
    credential: ProviderCredential;
  }): Promise<Submission>;
  /** Verifies the raw body's signature; throws WebhookRejected on any mismatch. */
  verifyWebhook(headers: Headers, rawBody: string): Promise<VerifiedWebhook>;
  interpretWebhook(payload: unknown): InterpretedEvent;
  /** Status polls and cancels use the key the job was submitted with (its account owns the job). */
  fetchStatus(model: ModelDefinition, jobId: string, credential: ProviderCredential): Promise<JobState>;
  cancel(model: ModelDefinition, jobId: string, credential: ProviderCredential): Promise<void>;
}

export class WebhookRejected extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "WebhookRejected";
  }
}

/**
 * What a failure says about the key: refused (401, invalid key), rate limited (429), or its
 * account out of credit (Replicate 402 "Billing required", fal 403 "User is locked").
 */
export type KeyFailure = "rejected" | "rate_limited" | "billing";

/** A provider refused or failed a request; the message is safe to show to the user. */
export class ProviderError extends Error {
  readonly status: number | null;
  readonly keyFailure: KeyFailure | null;
  readonly retryAfterSeconds: number | null;
  constructor(
    message: string,
    status: number | null = null,
    options: { keyFailure?: KeyFailure | null; retryAfterSeconds?: number | null } = {},
  ) {
    super(message);
    this.name = "ProviderError";
    this.status = status;
    this.keyFailure =
      options.keyFailure !== undefined
        ? options.keyFailure
        : status === 401
          ? "rejected"
          : status === 429
            ? "rate_limited"
            : status === 402
              ? "billing"
              : null;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
