import "server-only";
// fal webhook verification (docs/protocols.md §2.3): ED25519 over
// "requestId\nuserId\ntimestamp\nsha256hex(body)", any key of fal's JWKS may match,
// timestamp within five minutes. The JWKS comes from a cache (jwks-cache.ts) that forged
// webhooks cannot make refetch more than once per floor interval.
import { createHash, type KeyObject, verify } from "node:crypto";
import { type JwksCache, jwksCacheFor } from "@/lib/providers/fal/jwks-cache";
import { WEBHOOK_TOLERANCE_SECONDS } from "@/lib/providers/standard-webhooks";
import { WebhookRejected } from "@/lib/providers/types";

export async function verifyFalWebhook(
  headers: Headers,
  rawBody: string,
  jwks: string | JwksCache,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<{ requestId: string }> {
  const requestId = headers.get("x-fal-webhook-request-id");
  const userId = headers.get("x-fal-webhook-user-id");
  const timestamp = headers.get("x-fal-webhook-timestamp");
  const signatureHex = headers.get("x-fal-webhook-signature");
  if (!requestId || !userId || !timestamp || !signatureHex)
    throw new WebhookRejected("missing fal signature headers");
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) {
    throw new WebhookRejected("fal webhook timestamp outside the tolerance window");
  }
  if (!/^[0-9a-f]{128}$/i.test(signatureHex)) throw new WebhookRejected("malformed fal signature");
  const signature = Buffer.from(signatureHex, "hex");
  const bodyHash = createHash("sha256").update(rawBody).digest("hex");
  const message = Buffer.from(`${requestId}\n${userId}\n${timestamp}\n${bodyHash}`, "utf8");
  const matches = (keys: KeyObject[]) => keys.some((key) => verify(null, message, key, signature));
  const cache = typeof jwks === "string" ? jwksCacheFor(jwks) : jwks;
  let keys: KeyObject[];
  try {
    keys = await cache.current();
  } catch {
    throw new WebhookRejected("fal JWKS unavailable");
  }
  // No cached key matches: a key rotation at fal, or a forgery. The cache decides whether a
  // refetch is due; a forgery cannot force one.
  if (!matches(keys)) keys = (await cache.refreshed().catch(() => null)) ?? [];
  if (!matches(keys)) throw new WebhookRejected("fal webhook signature mismatch");
  return { requestId };
}
