// Standard Webhooks verification (Replicate, docs/protocols.md §1.5): HMAC-SHA256 over
// "id.timestamp.body" keyed by the base64 secret after "whsec_", any "v1,<b64>" entry may
// match, compared in constant time, timestamp within five minutes.
import { createHmac } from "node:crypto";
import { safeEqual } from "@/lib/auth/crypto";
import { WebhookRejected } from "@/lib/providers/types";

export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export function signStandardWebhook(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.split("_").pop() ?? "", "base64");
  return createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
}

export function verifyStandardWebhook(
  headers: Headers,
  body: string,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): { id: string } {
  const id = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const signatures = headers.get("webhook-signature");
  if (!id || !timestamp || !signatures) throw new WebhookRejected("missing webhook signature headers");
  if (!/^\d+$/.test(timestamp)) throw new WebhookRejected("malformed webhook-timestamp");
  if (Math.abs(nowSeconds - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) {
    throw new WebhookRejected("webhook-timestamp outside the tolerance window");
  }
  const expected = signStandardWebhook(secret, id, timestamp, body);
  const matches = signatures
    .split(" ")
    .map((entry) => entry.split(","))
    .some(
      ([version, signature]) => version === "v1" && signature !== undefined && safeEqual(signature, expected),
    );
  if (!matches) throw new WebhookRejected("webhook signature mismatch");
  return { id };
}
