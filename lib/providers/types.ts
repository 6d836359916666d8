// The common provider adapter interface (DESIGN.md 5). Everything above the adapters —
// routes, the lifecycle, the pipeline — is the same for every provider.
import type { ModelDefinition, ProviderId } from "@/lib/models-config";

/** A file to copy into our storage: a URL at the provider's CDN, or inline bytes (Gemini). */
export type MediaSource =
  | { url: string; headers?: Record<string, string> }
  | { bytes: Buffer; mimeType?: string };

/** What the provider says about a job, normalised. */
export type JobState =
  | { status: "queued" | "processing" }
  | { status: "succeeded"; sources: MediaSource[] }
  | { status: "failed"; error: string }
  | { status: "canceled" };

/** A webhook whose signature checked out: its dedupe key and the parsed body. */
export type VerifiedWebhook = { eventId: string; payload: unknown };

/** What a recorded webhook payload says: which job, in which state. */
export type InterpretedEvent = { jobId: string; state: JobState };

export type Submission = {
  jobId: string;
  /** Synchronous providers (Gemini images) hand back work to run after the response. */
  runAfterResponse?: () => Promise<JobState>;
};

export interface ProviderAdapter {
  readonly id: ProviderId;
  submit(args: {
    model: ModelDefinition;
    input: Record<string, unknown>;
    webhookUrl: string;
  }): Promise<Submission>;
  /** Verifies the raw body's signature; throws WebhookRejected on any mismatch. */
  verifyWebhook(headers: Headers, rawBody: string): Promise<VerifiedWebhook>;
  interpretWebhook(payload: unknown): InterpretedEvent;
  fetchStatus(model: ModelDefinition, jobId: string): Promise<JobState>;
  cancel(model: ModelDefinition, jobId: string): Promise<void>;
}

export class WebhookRejected extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "WebhookRejected";
  }
}

/** A provider refused or failed a request; the message is safe to show to the user. */
export class ProviderError extends Error {
  readonly status: number | null;
  constructor(message: string, status: number | null = null) {
    super(message);
    this.name = "ProviderError";
    this.status = status;
  }
}
