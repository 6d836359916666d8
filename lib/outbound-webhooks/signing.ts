import "server-only";
// Signing per the Standard Webhooks spec with its reference library: each endpoint has its own
// `whsec_` secret (24+ random bytes, base64), kept sealed with ENCRYPTION_SECRET and bound to
// the endpoint's id, so a ciphertext copied to another row does not open there.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { open, seal } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const context = (endpointId: string) => `webhook_endpoints:${endpointId}`;

export function newEndpointSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function sealEndpointSecret(secret: string, endpointId: string): string {
  if (!env.ENCRYPTION_SECRET)
    throw new AppError(
      "unavailable",
      "Webhooks are not available on this server: ENCRYPTION_SECRET is not set. Ask its operator.",
    );
  return seal(secret, env.ENCRYPTION_SECRET, context(endpointId));
}

export function openEndpointSecret(sealed: string, endpointId: string): string {
  return open(sealed, env.ENCRYPTION_SECRET, context(endpointId));
}

/** The headers of one delivery; `timestamp` is the time of sending, as the spec has it. */
export function signedHeaders(secret: string, messageId: string, timestamp: Date, body: string) {
  return {
    "content-type": "application/json",
    "user-agent": "Atelier-Webhooks/1.0",
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, timestamp, body),
  };
}
