// The pure rules of outbound webhooks: which URLs may be added as written, and when a failed
// delivery is tried again.
import { describe, expect, it } from "vitest";
import { MAX_DELIVERY_ATTEMPTS, RETRY_WINDOW_SECONDS, retryDelayMs } from "@/lib/outbound-webhooks/backoff";
import { endpointUrlProblem } from "@/lib/outbound-webhooks/url-policy";

const production = { allowPrivate: false, requireHttps: true };
const development = { allowPrivate: false, requireHttps: false };
const tests = { allowPrivate: true, requireHttps: false };

describe("endpointUrlProblem", () => {
  it.each([
    ["https://hooks.example.com/atelier", production, null],
    ["http://hooks.example.com/atelier", production, /https/],
    ["http://hooks.example.com/atelier", development, null],
    ["https://127.0.0.1/x", production, /public address/],
    ["https://[::1]/x", development, /public address/],
    ["https://169.254.169.254/x", production, /public address/],
    ["https://10.0.0.8/x", production, /public address/],
    ["https://2130706433/x", production, /public address/],
    ["http://127.0.0.1:4000/x", tests, null],
    ["https://user:secret@hooks.example.com/", production, /credentials/],
    ["ftp://hooks.example.com/", tests, /https/],
    ["hooks.example.com/x", production, /valid URL/],
  ] as const)("%s → %s", (url, rules, expected) => {
    const problem = endpointUrlProblem(url, rules);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe("retry schedule", () => {
  it("starts within seconds and grows, each wait at least the one before", () => {
    const waits = Array.from(
      { length: MAX_DELIVERY_ATTEMPTS - 1 },
      (_, i) => retryDelayMs(i + 1, () => 0) ?? 0,
    );
    expect(waits[0]).toBe(5_000);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1] ?? 0);
    expect(waits.at(-1)).toBeGreaterThanOrEqual(4 * 3600 * 1000);
  });

  it("keeps trying for about a day, then gives up", () => {
    expect(RETRY_WINDOW_SECONDS).toBeGreaterThan(22 * 3600);
    expect(RETRY_WINDOW_SECONDS).toBeLessThanOrEqual(24 * 3600);
    expect(retryDelayMs(MAX_DELIVERY_ATTEMPTS - 1)).not.toBeNull();
    expect(retryDelayMs(MAX_DELIVERY_ATTEMPTS)).toBeNull();
  });

  it("adds up to a fifth at random so failures from one outage spread out", () => {
    expect(retryDelayMs(1, () => 0.999)).toBeLessThanOrEqual(6_000);
    expect(retryDelayMs(1, () => 0.5)).toBe(5_500);
  });
});
