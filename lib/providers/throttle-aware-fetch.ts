// The provider SDKs retry a 429 on their own, on the same key: Replicate's client five times at
// once (its backoff sleep is skipped when jitter makes the delay fractional), fal's three times.
// With a key pool the next key is the better retry, and a throttled key should be left alone
// for as long as the provider asked. So each SDK client (one per key) gets this fetch: after a
// 429, the key's requests are answered locally with that same 429 until its Retry-After (at
// least a second, at most a minute) has passed.
import { parseRetryAfter } from "@/lib/providers/types";

const MIN_WINDOW_SECONDS = 1;
const MAX_WINDOW_SECONDS = 60;

type Throttled = { until: number; status: number; statusText: string; headers: Headers; body: string };

export function throttleAwareFetch(
  base: typeof fetch = (input, init) => fetch(input, init),
  now: () => number = Date.now,
): typeof fetch {
  let throttled: Throttled | null = null;
  const replay = (t: Throttled) =>
    new Response(t.body, { status: t.status, statusText: t.statusText, headers: t.headers });
  return async (input, init) => {
    if (throttled && now() < throttled.until) return replay(throttled);
    const response = await base(input, init);
    if (response.status !== 429) return response;
    const seconds = parseRetryAfter(response.headers.get("retry-after")) ?? MIN_WINDOW_SECONDS;
    const window = Math.min(MAX_WINDOW_SECONDS, Math.max(MIN_WINDOW_SECONDS, seconds));
    const headers = new Headers(response.headers);
    // The body is re-served from text; its original framing no longer applies.
    for (const name of ["content-length", "content-encoding", "transfer-encoding"]) headers.delete(name);
    throttled = {
      until: now() + window * 1000,
      status: response.status,
      statusText: response.statusText,
      headers,
      body: await response.text(),
    };
    return replay(throttled);
  };
}
