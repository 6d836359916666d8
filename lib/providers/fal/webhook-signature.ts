import "server-only";
// fal webhook verification (PROTOCOLS.md 2.3): ED25519 over
// "requestId\nuserId\ntimestamp\nsha256hex(body)", any key of fal's JWKS may match,
// timestamp within five minutes. The JWKS is cached for a day and refetched once on a miss.
import { createHash, createPublicKey, type KeyObject, verify } from "node:crypto";
import { WEBHOOK_TOLERANCE_SECONDS } from "@/lib/providers/standard-webhooks";
import { WebhookRejected } from "@/lib/providers/types";

const JWKS_TTL_MS = 24 * 60 * 60 * 1000;
const cache = new Map<string, { keys: KeyObject[]; fetchedAt: number }>();

async function loadKeys(jwksUrl: string, force: boolean): Promise<KeyObject[]> {
  const cached = cache.get(jwksUrl);
  if (!force && cached && Date.now() - cached.fetchedAt < JWKS_TTL_MS) return cached.keys;
  const res = await fetch(jwksUrl, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`JWKS fetch failed with ${res.status}`);
  const { keys } = (await res.json()) as { keys?: { kty?: string; crv?: string; x?: string }[] };
  const parsed = (keys ?? [])
    .filter((k) => k.kty === "OKP" && k.crv === "Ed25519" && typeof k.x === "string")
    .map((k) => createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: k.x as string }, format: "jwk" }));
  cache.set(jwksUrl, { keys: parsed, fetchedAt: Date.now() });
  return parsed;
}

export async function verifyFalWebhook(
  headers: Headers,
  rawBody: string,
  jwksUrl: string,
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
  let keys: KeyObject[];
  try {
    keys = await loadKeys(jwksUrl, false);
    // A key rotation at fal: refetch once before rejecting.
    if (!matches(keys)) keys = await loadKeys(jwksUrl, true);
  } catch {
    throw new WebhookRejected("fal JWKS unavailable");
  }
  if (!matches(keys)) throw new WebhookRejected("fal webhook signature mismatch");
  return { requestId };
}
