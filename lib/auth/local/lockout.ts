import "server-only";
// The lockout state of an email address in Postgres (otp_lockouts), read and written inside
// the code-verification transaction so parallel guesses are counted one by one.
import type { Sql, TransactionSql } from "postgres";
import { afterFailure, describeWait, type LockoutState, lockedFor } from "@/lib/auth/local/lockout-policy";
import { AppError } from "@/lib/errors";

type Tx = TransactionSql | Sql;

type Row = {
  failures: number;
  window_started_at: Date;
  lockouts: number;
  locked_until: Date | null;
  last_failure_at: Date;
};

export type Lockout = { state: LockoutState | null; now: Date };

/** Reads (and row-locks) the address's state, with the database clock. */
export async function readLockout(tx: Tx, email: string): Promise<Lockout> {
  const [clock] = await tx<{ now: Date }[]>`select now() as now`;
  const [row] = await tx<Row[]>`
    select failures, window_started_at, lockouts, locked_until, last_failure_at
    from otp_lockouts where email = ${email} for update`;
  const now = clock?.now ?? new Date();
  if (!row) return { state: null, now };
  return {
    now,
    state: {
      failures: row.failures,
      windowStartedAt: row.window_started_at,
      lockouts: row.lockouts,
      lockedUntil: row.locked_until,
      lastFailureAt: row.last_failure_at,
    },
  };
}

/** Counts a wrong code; answers the seconds the address is now locked for (0 when not locked). */
export async function recordFailure(tx: Tx, email: string, current: Lockout): Promise<number> {
  const next = afterFailure(current.state, current.now);
  await tx`
    insert into otp_lockouts (email, failures, window_started_at, lockouts, locked_until, last_failure_at)
    values (${email}, ${next.failures}, ${next.windowStartedAt}, ${next.lockouts}, ${next.lockedUntil},
            ${next.lastFailureAt})
    on conflict (email) do update set
      failures = excluded.failures, window_started_at = excluded.window_started_at,
      lockouts = excluded.lockouts, locked_until = excluded.locked_until,
      last_failure_at = excluded.last_failure_at`;
  // The policy starts a fresh count only when this failure locked the address.
  return next.failures === 0 ? lockedFor(next, current.now) : 0;
}

export async function clearLockout(tx: Tx, email: string): Promise<void> {
  await tx`delete from otp_lockouts where email = ${email}`;
}

export function lockedOutError(retryAfterSeconds: number): AppError {
  return new AppError(
    "rate_limited",
    `Too many wrong codes for this address. Try again in ${describeWait(retryAfterSeconds)}.`,
    { headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}
