// Webhook signing (Replicate: Standard Webhooks HMAC; fal: ED25519 + JWKS) and delivery
// with retries, in order per job, the way the providers deliver them.
import { createHash, createHmac, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";

/** `whsec_` + base64 of 32 random bytes, the shape Replicate's secret endpoint returns. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** Standard Webhooks signature header value: `v1,<base64 HMAC-SHA256("id.timestamp.body")>`. */
export function standardWebhookSignature(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): string {
  const key = Buffer.from(secret.slice(secret.indexOf("_") + 1), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

export function standardWebhookHeaders(secret: string, id: string, body: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": standardWebhookSignature(secret, id, timestamp, body),
  };
}

export const FAL_USER_ID = "emulator-user";

export class FalSigner {
  private readonly privateKey: KeyObject;
  private readonly publicJwk: Record<string, unknown>;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: "jwk" });
    const kid = createHash("sha256").update(String(jwk.x)).digest("hex").slice(0, 16);
    this.publicJwk = { ...jwk, kid, use: "sig", alg: "EdDSA" };
  }

  jwks(): { keys: Record<string, unknown>[] } {
    return { keys: [this.publicJwk] };
  }

  /** Headers for one delivery; the message is `requestId\nuserId\ntimestamp\nsha256hex(body)`. */
  headers(requestId: string, body: string): Record<string, string> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const bodyHash = createHash("sha256").update(body).digest("hex");
    const message = Buffer.from(`${requestId}\n${FAL_USER_ID}\n${timestamp}\n${bodyHash}`, "utf8");
    return {
      "x-fal-webhook-request-id": requestId,
      "x-fal-webhook-user-id": FAL_USER_ID,
      "x-fal-webhook-timestamp": timestamp,
      "x-fal-webhook-signature": sign(null, message, this.privateKey).toString("hex"),
    };
  }
}

export interface Delivery {
  url: string;
  body: string;
  /** Called per attempt, so each attempt carries a fresh timestamp and signature. */
  headers: () => Record<string, string>;
  /** Terminal events are retried on failure; intermediate ones never are. */
  retry: boolean;
  /** `[dup]`: after a successful delivery, deliver the same event once more. */
  duplicate?: boolean;
}

const RETRY_DELAYS_MS = [250, 500, 1000, 2000];

export class WebhookSender {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly speedFactor: number,
    private readonly log: (line: string) => void,
  ) {}

  /** Queues a delivery behind earlier ones for the same job, so events arrive in order. */
  send(jobId: string, delivery: Delivery): Promise<void> {
    const previous = this.chains.get(jobId) ?? Promise.resolve();
    const next = previous.then(() => this.deliver(delivery)).catch(() => undefined);
    this.chains.set(jobId, next);
    void next.then(() => {
      if (this.chains.get(jobId) === next) this.chains.delete(jobId);
    });
    return next;
  }

  close(): void {
    this.abort.abort();
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const ok = await this.attemptAll(delivery);
    if (ok && delivery.duplicate && !this.abort.signal.aborted) await this.attemptAll(delivery);
  }

  private async attemptAll(delivery: Delivery): Promise<boolean> {
    const delays = delivery.retry ? RETRY_DELAYS_MS : [];
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (this.abort.signal.aborted) return false;
      if (await this.attempt(delivery)) return true;
      const delay = delays[attempt];
      if (delay !== undefined) await this.sleep(Math.max(5, delay * this.speedFactor));
    }
    return false;
  }

  private async attempt(delivery: Delivery): Promise<boolean> {
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...delivery.headers() },
        body: delivery.body,
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(10_000)]),
      });
      await response.body?.cancel();
      this.log(`webhook -> ${delivery.url} ${response.status}`);
      return response.ok;
    } catch (error) {
      if (!this.abort.signal.aborted)
        this.log(`webhook -> ${delivery.url} failed: ${(error as Error).message}`);
      return false;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.abort.signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.abort.signal.addEventListener("abort", done);
    });
  }
}
