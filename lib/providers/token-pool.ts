import "server-only";
// The provider key pool: several API keys per provider, sealed at rest, picked round robin by
// SQL (pick_provider_token skips disabled and cooling-down keys). A 401 disables a key, a 429
// cools it down. With no key in the pool, the env key (or the emulator's) is used.
import { randomUUID } from "node:crypto";
import { open, seal } from "@/lib/crypto/secret-box";
import {
  getSealedToken,
  hasProviderTokens,
  markTokenError,
  markTokenRateLimited,
  markTokenRejected,
  pickProviderToken,
  type SealedToken,
  sealedTokensFor,
} from "@/lib/db/provider-tokens";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log as rootLog } from "@/lib/log";
import type { ProviderId } from "@/lib/models-config";
import { envCredential, hasEnvKey } from "@/lib/providers/config";
import { type ProviderCredential, ProviderError } from "@/lib/providers/types";

export const PROVIDER_NAMES: Record<ProviderId, string> = {
  replicate: "Replicate",
  fal: "fal",
  google: "Google",
};

/** A 429 without Retry-After cools a key down this long; any cooldown lasts at least the minimum. */
const DEFAULT_COOLDOWN_SECONDS = 60;
const MIN_COOLDOWN_SECONDS = 30;
const MAX_COOLDOWN_SECONDS = 60 * 60;
/**
 * An account out of credit stays so until someone tops it up: the key rests this long, then gets
 * one more try (re-enabling it in Admin → Keys clears the cooldown at once).
 */
const BILLING_COOLDOWN_SECONDS = 30 * 60;
/** The additional data bound to a sealed key: it opens only on its own row. */
const sealContext = (id: string) => `provider_tokens:${id}`;

/** Seals a new key for its row; the hint (last 4 characters) is all that is ever shown again. */
export function sealNewKey(secret: string): { id: string; sealedSecret: string; secretHint: string } {
  if (!env.ENCRYPTION_SECRET)
    throw new AppError(
      "unavailable",
      "ENCRYPTION_SECRET is not set, so keys cannot be stored. Set it (32 random bytes, base64) and restart.",
    );
  const id = randomUUID();
  return {
    id,
    sealedSecret: seal(secret, env.ENCRYPTION_SECRET, sealContext(id)),
    secretHint: secretHint(secret),
  };
}

export function secretHint(secret: string): string {
  return secret.length > 8 ? `…${secret.slice(-4)}` : "…";
}

/** The key in a row, or null (after recording why) when it cannot be opened. */
async function unseal(row: SealedToken): Promise<ProviderCredential | null> {
  try {
    return {
      tokenId: row.id,
      secret: open(row.secret_ciphertext, env.ENCRYPTION_SECRET, sealContext(row.id)),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    rootLog.error("provider key could not be decrypted", { tokenId: row.id, reason });
    await markTokenError(row.id, reason);
    return null;
  }
}

/** The next usable pool key not in `exclude`; keys that fail to decrypt are recorded and skipped. */
async function pickPoolCredential(
  provider: ProviderId,
  exclude: readonly string[],
): Promise<ProviderCredential | null> {
  if (!env.ENCRYPTION_SECRET) return null;
  const skip = [...exclude];
  for (;;) {
    const row = await pickProviderToken(provider, skip);
    if (!row) return null;
    const credential = await unseal(row);
    if (credential) return credential;
    skip.push(row.id);
  }
}

/**
 * The key for a new job: the next usable pool key, else the env key. When the pool has keys but
 * none is usable and env has no real key, the job fails with a reason rather than going nowhere.
 */
export async function pickCredential(provider: ProviderId): Promise<ProviderCredential> {
  const pooled = await pickPoolCredential(provider, []);
  if (pooled) return pooled;
  if (hasEnvKey(provider) || !(await hasProviderTokens(provider))) return envCredential(provider);
  const name = PROVIDER_NAMES[provider];
  throw new ProviderError(
    env.ENCRYPTION_SECRET
      ? `No working ${name} API key right now: every key is disabled or rate limited. Please try again later.`
      : `${name} keys cannot be read: ENCRYPTION_SECRET is not set.`,
    null,
    { keyFailure: null },
  );
}

/**
 * The key for a job's next attempt once the pool keys in `tried` have failed it: a usable pool
 * key it has not tried, else the env key when one is set; null when no key is left to try.
 */
export async function nextCredential(
  provider: ProviderId,
  tried: readonly string[],
): Promise<ProviderCredential | null> {
  const pooled = await pickPoolCredential(provider, tried);
  if (pooled) return pooled;
  return hasEnvKey(provider) ? envCredential(provider) : null;
}

/** The key a job was submitted with (its account owns the job), else the env key. */
export async function credentialForToken(
  provider: ProviderId,
  tokenId: string | null | undefined,
): Promise<ProviderCredential> {
  if (!tokenId || !env.ENCRYPTION_SECRET) return envCredential(provider);
  const row = await getSealedToken(tokenId);
  const credential = row && row.provider === provider ? await unseal(row) : null;
  return credential ?? envCredential(provider);
}

/** Every pool key of a provider with its state, e.g. to check webhook signatures per account. */
export async function poolCredentials(
  provider: ProviderId,
): Promise<{ credential: ProviderCredential; active: boolean }[]> {
  if (!env.ENCRYPTION_SECRET) return [];
  const rows = await sealedTokensFor(provider);
  const opened = await Promise.all(
    rows.map(async (row) => {
      const credential = await unseal(row);
      return credential ? [{ credential, active: row.active }] : [];
    }),
  );
  return opened.flat();
}

const inUse = new Map<ProviderId, { value: Promise<boolean>; expires: number }>();

/** Whether the pool holds keys for a provider (a pool key makes the provider live); cached a minute. */
export function poolInUse(provider: ProviderId): Promise<boolean> {
  const cached = inUse.get(provider);
  if (cached && cached.expires > Date.now()) return cached.value;
  const value = hasProviderTokens(provider).catch(() => false);
  inUse.set(provider, { value, expires: Date.now() + 60_000 });
  return value;
}

export async function reportAuthFailure(tokenId: string, message: string): Promise<void> {
  await markTokenRejected(tokenId, message);
}

export async function reportRateLimited(
  tokenId: string,
  retryAfterSeconds: number | null,
  message: string,
): Promise<void> {
  const seconds = Math.min(
    MAX_COOLDOWN_SECONDS,
    Math.max(MIN_COOLDOWN_SECONDS, retryAfterSeconds ?? DEFAULT_COOLDOWN_SECONDS),
  );
  await markTokenRateLimited(tokenId, seconds, message);
}

export async function reportOutOfCredit(tokenId: string, provider: string, message: string): Promise<void> {
  const reason = `Out of credit: ${provider} refused new jobs for this key's account until it is topped up. ${message}`;
  await markTokenRateLimited(tokenId, BILLING_COOLDOWN_SECONDS, reason);
}

export async function reportError(tokenId: string, message: string): Promise<void> {
  await markTokenError(tokenId, message);
}

/**
 * Records what a failed call says about its key: a 401 disables it, a 429 cools it down, an
 * account out of credit rests it for a while with the reason shown to admins, a provider-side
 * error (5xx, unreachable) counts against it. Returns whether the key is at fault, so the caller
 * may retry with another key. Env keys have no row; nothing is recorded for them.
 */
export async function reportKeyFailure(
  credential: ProviderCredential,
  error: unknown,
  provider?: ProviderId,
): Promise<boolean> {
  if (!(error instanceof ProviderError)) return false;
  const { tokenId } = credential;
  if (error.keyFailure === "rejected") {
    if (tokenId) await reportAuthFailure(tokenId, error.message);
    return true;
  }
  if (error.keyFailure === "rate_limited") {
    if (tokenId) await reportRateLimited(tokenId, error.retryAfterSeconds, error.message);
    return true;
  }
  if (error.keyFailure === "billing") {
    const name = provider ? PROVIDER_NAMES[provider] : "The provider";
    if (tokenId) await reportOutOfCredit(tokenId, name, error.message);
    return true;
  }
  if (tokenId && (error.status === null || error.status >= 500)) await reportError(tokenId, error.message);
  return false;
}
