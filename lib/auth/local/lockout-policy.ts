// When wrong sign-in codes lock an email address, and for how long. Pure, so the arithmetic
// is tested without a clock; lib/auth/local/lockout.ts keeps the state in Postgres.
//
// Each code already allows only a few tries, but a new code can be requested every few
// minutes; this bounds guessing per address over days: 5 wrong codes within 15 minutes lock
// the address for 15 minutes, and every further lockout doubles that, up to 24 hours. The
// escalation is forgotten after a quiet day, or on a successful sign-in.

export type LockoutPolicy = {
  maxFailures: number;
  windowSeconds: number;
  baseLockSeconds: number;
  maxLockSeconds: number;
  forgetAfterSeconds: number;
};

export const LOCKOUT_POLICY: LockoutPolicy = {
  maxFailures: 5,
  windowSeconds: 15 * 60,
  baseLockSeconds: 15 * 60,
  maxLockSeconds: 24 * 60 * 60,
  forgetAfterSeconds: 24 * 60 * 60,
};

export type LockoutState = {
  failures: number;
  windowStartedAt: Date;
  lockouts: number;
  lockedUntil: Date | null;
  lastFailureAt: Date;
};

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

/** Length of the nth lockout (1-based). */
export function lockSeconds(nth: number, policy = LOCKOUT_POLICY): number {
  return Math.min(policy.baseLockSeconds * 2 ** Math.max(0, nth - 1), policy.maxLockSeconds);
}

/** Seconds the address is still locked for, or 0. */
export function lockedFor(state: LockoutState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Math.ceil(seconds(now, state.lockedUntil)));
}

/** The state after one more wrong code at `now`. */
export function afterFailure(state: LockoutState | null, now: Date, policy = LOCKOUT_POLICY): LockoutState {
  const quietSince =
    state &&
    (state.lockedUntil && state.lockedUntil > state.lastFailureAt ? state.lockedUntil : state.lastFailureAt);
  const remembered =
    state && quietSince && seconds(quietSince, now) < policy.forgetAfterSeconds ? state : null;
  const inWindow = remembered && seconds(remembered.windowStartedAt, now) < policy.windowSeconds;
  const failures = inWindow ? remembered.failures + 1 : 1;
  const windowStartedAt = inWindow ? remembered.windowStartedAt : now;
  const lockouts = remembered?.lockouts ?? 0;
  if (failures < policy.maxFailures)
    return {
      failures,
      windowStartedAt,
      lockouts,
      lockedUntil: remembered?.lockedUntil ?? null,
      lastFailureAt: now,
    };
  const nth = lockouts + 1;
  return {
    failures: 0,
    windowStartedAt: now,
    lockouts: nth,
    lockedUntil: new Date(now.getTime() + lockSeconds(nth, policy) * 1000),
    lastFailureAt: now,
  };
}

/** "15 minutes", "2 hours": how long to wait, for people. */
export function describeWait(totalSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(totalSeconds / 60));
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  return `${Math.ceil(minutes / 60)} hours`;
}
