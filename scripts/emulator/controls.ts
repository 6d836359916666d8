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
  /** `[flaky]`: the job's first status poll answers a transient 503; later polls answer normally. */
  flaky: boolean;
  /** `[billing]`: the submit is refused for want of credit (Replicate 402, fal 403 "Exhausted balance"). */
  billing: boolean;
  /** `[redirect]`: output file URLs answer 302 to the same file on a second host name (`localhost`). */
  redirect: boolean;
  /** `[corrupt]`: a video output is an MP4 by its first bytes and noise after them (no decoder reads it). */
  corrupt: boolean;
  /**
   * `[stall]` (Replicate): the submit is answered only after STALL_MS (times speedFactor), as a
   * provider slow to accept a job; a caller that hangs up meanwhile leaves no job behind.
   */
  stall: boolean;
}

const TAGS = [
  "fail",
  "slow",
  "dup",
  "nohook",
  "huge",
  "flaky",
  "billing",
  "redirect",
  "corrupt",
  "stall",
] as const;

export function parseControls(prompt: string): Controls {
  const lower = prompt.toLowerCase();
  const has = (tag: (typeof TAGS)[number]) => lower.includes(`[${tag}]`);
  return Object.fromEntries(TAGS.map((tag) => [tag, has(tag)])) as unknown as Controls;
}

export const FAILURE_MESSAGE = "Emulated provider failure: the prompt asked for it with [fail]";

/** Milliseconds a job takes before speedFactor: ~300 ms normally, 20 s with `[slow]`. */
export function jobDurationMs(controls: Controls): number {
  return controls.slow ? 20_000 : 300;
}

/** How long a `[stall]` submit waits before it is answered, before speedFactor. */
export const STALL_MS = 20_000;

/** Size of a `[huge]` output: 65 MiB, above every download cap the app uses (60 MB). */
export const HUGE_BYTES = 65 * 1024 * 1024;

export type CredentialVerdict = "ok" | "missing" | "invalid" | "ratelimited" | "billing";

/**
 * Any non-empty credential is accepted, except values that end in `invalid`, `ratelimited` or
 * `nocredit` (e.g. `r8_invalid`, `invalid`, `key-id:ratelimited`, `r8_nocredit`), which let
 * key-rotation tests reach a 401, a 429 or an out-of-credit refusal at will. An out-of-credit
 * key still reads its jobs; only new jobs are refused, as at the providers.
 */
export function credentialVerdict(token: string | undefined): CredentialVerdict {
  const value = token?.trim() ?? "";
  if (value === "") return "missing";
  if (/(^|[_:-])invalid$/i.test(value)) return "invalid";
  if (/(^|[_:-])ratelimited$/i.test(value)) return "ratelimited";
  if (/(^|[_:-])nocredit$/i.test(value)) return "billing";
  return "ok";
}
