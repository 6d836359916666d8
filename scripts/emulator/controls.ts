// Deterministic test controls. A tag in the prompt text steers how the emulated job behaves,
// so app and end-to-end tests can reach every provider outcome without real providers.

export interface Controls {
  /** `[fail]`: the job fails at the provider with a readable error. */
  fail: boolean;
  /** `[slow]`: the job takes 20 s (times speedFactor) instead of ~300 ms. */
  slow: boolean;
  /** `[dup]`: the final webhook is delivered twice, as a provider retry would. */
  dup: boolean;
  /** `[nohook]`: the job completes but no webhook is sent. */
  nohook: boolean;
  /** `[huge]`: the output file is larger than 60 MB (streamed, never held in memory). */
  huge: boolean;
}

const TAGS = ["fail", "slow", "dup", "nohook", "huge"] as const;

export function parseControls(prompt: string): Controls {
  const lower = prompt.toLowerCase();
  const has = (tag: (typeof TAGS)[number]) => lower.includes(`[${tag}]`);
  return { fail: has("fail"), slow: has("slow"), dup: has("dup"), nohook: has("nohook"), huge: has("huge") };
}

export const FAILURE_MESSAGE = "Emulated provider failure: the prompt asked for it with [fail]";

/** Milliseconds a job takes before speedFactor: ~300 ms normally, 20 s with `[slow]`. */
export function jobDurationMs(controls: Controls): number {
  return controls.slow ? 20_000 : 300;
}

/** Size of a `[huge]` output: 65 MiB, above every download cap the app uses (60 MB). */
export const HUGE_BYTES = 65 * 1024 * 1024;

export type CredentialVerdict = "ok" | "missing" | "invalid" | "ratelimited";

/**
 * Any non-empty credential is accepted, except values that end in `invalid` or
 * `ratelimited` (e.g. `r8_invalid`, `invalid`, `key-id:ratelimited`), which let
 * key-rotation tests reach a 401 or a 429 at will.
 */
export function credentialVerdict(token: string | undefined): CredentialVerdict {
  const value = token?.trim() ?? "";
  if (value === "") return "missing";
  if (/(^|[_:-])invalid$/i.test(value)) return "invalid";
  if (/(^|[_:-])ratelimited$/i.test(value)) return "ratelimited";
  return "ok";
}
