import { describe, expect, it } from "vitest";
import {
  afterFailure,
  describeWait,
  LOCKOUT_POLICY,
  type LockoutState,
  lockedFor,
  lockSeconds,
} from "@/lib/auth/local/lockout-policy";

const T0 = new Date(Date.UTC(2026, 10, 30, 12, 0, 0));
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** Fails `count` times, `gap` seconds apart, starting at `start`. */
function fail(state: LockoutState | null, count: number, start: number, gap = 1): LockoutState {
  let next = state;
  for (let i = 0; i < count; i++) next = afterFailure(next, at(start + i * gap));
  return next as LockoutState;
}

describe("sign-in lockout policy", () => {
  it("locks after 5 failures within the window, not after 4", () => {
    expect(lockedFor(fail(null, 4, 0), at(5))).toBe(0);
    const locked = fail(null, 5, 0);
    expect(lockedFor(locked, at(4))).toBe(15 * 60);
  });

  it("does not count failures that fell out of the window", () => {
    const spread = fail(null, 5, 0, LOCKOUT_POLICY.windowSeconds / 2 + 1);
    expect(lockedFor(spread, at(3 * LOCKOUT_POLICY.windowSeconds))).toBe(0);
  });

  it("doubles each further lockout, up to 24 hours", () => {
    expect([1, 2, 3, 4, 7, 8, 9, 20].map((n) => lockSeconds(n) / 60)).toEqual([
      15, 30, 60, 120, 960, 1440, 1440, 1440,
    ]);
    // An attacker who waits out each lock and guesses again at once.
    let state = fail(null, 5, 0);
    let clock = 4;
    const lengths = [lockedFor(state, at(clock))];
    for (let i = 0; i < 4; i++) {
      clock += lockedFor(state, at(clock));
      state = fail(state, 5, clock);
      clock += 4;
      lengths.push(lockedFor(state, at(clock)));
    }
    expect(lengths.map((s) => s / 60)).toEqual([15, 30, 60, 120, 240]);
  });

  it("forgets the escalation after a quiet day", () => {
    let state = fail(null, 5, 0);
    state = fail(state, 5, 4 + 15 * 60);
    expect(state.lockouts).toBe(2);
    // The second lock ends 30 minutes after it began; a day later nothing is remembered.
    const quiet = 8 + 15 * 60 + 30 * 60 + LOCKOUT_POLICY.forgetAfterSeconds;
    state = fail(state, 5, quiet);
    expect(state.lockouts).toBe(1);
    expect(lockedFor(state, at(quiet + 4))).toBe(15 * 60);
  });

  it("says how long to wait in words", () => {
    expect(describeWait(15 * 60)).toBe("15 minutes");
    expect(describeWait(59)).toBe("1 minute");
    expect(describeWait(24 * 60 * 60)).toBe("24 hours");
  });
});
