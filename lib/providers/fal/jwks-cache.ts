import "server-only";
// fal's webhook keys (a JWKS of Ed25519 keys), cached. fal rotates them rarely, and anyone can
// post a forged webhook, so what a webhook carries must never decide how often we fetch: the
// set is kept for its Cache-Control max-age (a day by default), a signature no cached key
// matches triggers a refetch at most once per REFETCH_FLOOR_MS (a real rotation is still
// picked up, on fal's next retry at worst), and a failed fetch is retried at most once per
// FAILURE_BACKOFF_MS while the last good set stays in use.
import { createPublicKey, type KeyObject } from "node:crypto";

const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
const REFETCH_FLOOR_MS = 5 * 60 * 1000;
const FAILURE_BACKOFF_MS = 30 * 1000;
const FETCH_TIMEOUT_MS = 10_000;

export type JwksCacheOptions = {
  /** The clock, in milliseconds (tests move it). */
  now?: () => number;
};

type Jwk = { kty?: string; crv?: string; x?: string };

/** Seconds of `max-age` in a Cache-Control header; 0 for no-store / no-cache; null when absent. */
export function maxAgeSeconds(cacheControl: string | null): number | null {
  if (!cacheControl) return null;
  if (/\bno-(store|cache)\b/i.test(cacheControl)) return 0;
  const match = /\bmax-age\s*=\s*"?(\d+)"?/i.exec(cacheControl);
  return match ? Number(match[1]) : null;
}

export class JwksCache {
  private keys: KeyObject[] | null = null;
  private expiresAt = 0;
  private lastFetchAt = Number.NEGATIVE_INFINITY;
  private lastFailureAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<KeyObject[]> | null = null;
  private readonly now: () => number;

  constructor(
    readonly url: string,
    options: JwksCacheOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The current key set: the cached one while fresh, otherwise fetched (or the stale one if that fails). */
  async current(): Promise<KeyObject[]> {
    if (this.keys && this.now() < this.expiresAt) return this.keys;
    return this.fetchOrFallBack();
  }

  /**
   * For a signature no cached key matches: a fresh set when the floor allows a refetch, else
   * null (the webhook is rejected; fal retries it).
   */
  async refreshed(): Promise<KeyObject[] | null> {
    if (this.inFlight) return this.inFlight;
    if (this.now() - this.lastFetchAt < REFETCH_FLOOR_MS) return null;
    return this.fetchOrFallBack();
  }

  private async fetchOrFallBack(): Promise<KeyObject[]> {
    if (this.inFlight) return this.inFlight;
    if (this.now() - this.lastFailureAt < FAILURE_BACKOFF_MS) {
      if (this.keys) return this.keys;
      throw new Error("fal JWKS unavailable (last fetch failed moments ago)");
    }
    this.inFlight = this.fetchKeys()
      .catch((error: unknown) => {
        this.lastFailureAt = this.now();
        if (this.keys) return this.keys;
        throw error;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private async fetchKeys(): Promise<KeyObject[]> {
    this.lastFetchAt = this.now();
    const res = await fetch(this.url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`JWKS fetch failed with ${res.status}`);
    const { keys } = (await res.json()) as { keys?: Jwk[] };
    const parsed = (Array.isArray(keys) ? keys : [])
      .filter((k) => k.kty === "OKP" && k.crv === "Ed25519" && typeof k.x === "string")
      .map((k) => createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: k.x as string }, format: "jwk" }));
    const maxAge = maxAgeSeconds(res.headers.get("cache-control"));
    const ttl = maxAge === null ? DEFAULT_TTL_MS : maxAge * 1000;
    // Never shorter than the refetch floor, so even "no-cache" cannot turn into a fetch per webhook.
    this.expiresAt = this.now() + Math.min(DEFAULT_TTL_MS, Math.max(REFETCH_FLOOR_MS, ttl));
    this.keys = parsed;
    return parsed;
  }
}

const caches = new Map<string, JwksCache>();

/** The process-wide cache for one JWKS URL. */
export function jwksCacheFor(url: string): JwksCache {
  let cache = caches.get(url);
  if (!cache) {
    cache = new JwksCache(url);
    caches.set(url, cache);
  }
  return cache;
}
