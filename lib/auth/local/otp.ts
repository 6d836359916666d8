import "server-only";
// Email one-time codes for local sign-in: 6 digits, valid 10 minutes, stored as an HMAC,
// at most 5 wrong tries per code, rate-limited per address and per IP, and an address that
// keeps getting codes wrong is locked for growing periods (lib/auth/local/lockout-policy.ts).
import { randomInt } from "node:crypto";
import { hmacHex, safeEqual } from "@/lib/auth/crypto";
import { clearLockout, lockedOutError, readLockout, recordFailure } from "@/lib/auth/local/lockout";
import { lockedFor } from "@/lib/auth/local/lockout-policy";
import { sql } from "@/lib/db/client";
import { sessionSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { mail } from "@/lib/mail";

export const OTP_TTL_MINUTES = 10;
export const OTP_MAX_ATTEMPTS = 5;
const WINDOW_MINUTES = 15;
const MAX_CODES_PER_EMAIL = 5;
const MAX_CODES_PER_IP = 20;

const hashCode = (email: string, code: string) => hmacHex(sessionSecret(), `otp:${email}:${code}`);

export async function requestOtp(email: string, ip: string | null): Promise<void> {
  const [counts] = await sql<{ by_email: number; by_ip: number }[]>`
    select
      count(*) filter (where email = ${email})::int as by_email,
      count(*) filter (where ${ip}::text is not null and ip = ${ip})::int as by_ip
    from otp_codes
    where created_at > now() - make_interval(mins => ${WINDOW_MINUTES})
      and (email = ${email} or ip = ${ip})`;
  if (counts && (counts.by_email >= MAX_CODES_PER_EMAIL || counts.by_ip >= MAX_CODES_PER_IP)) {
    throw new AppError("rate_limited", "Too many codes requested. Try again in a few minutes.", {
      headers: { "Retry-After": String(WINDOW_MINUTES * 60) },
    });
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await sql.begin(async (tx) => {
    // Only the newest code works: requesting another retires the earlier ones.
    await tx`update otp_codes set consumed_at = now() where email = ${email} and consumed_at is null`;
    await tx`
      insert into otp_codes (email, code_hash, ip, expires_at)
      values (${email}, ${hashCode(email, code)}, ${ip}, now() + make_interval(mins => ${OTP_TTL_MINUTES}))`;
  });
  await mail().send({
    to: email,
    subject: `Your Atelier sign-in code: ${code}`,
    text: `Your Atelier sign-in code is ${code}. It expires in ${OTP_TTL_MINUTES} minutes. If you did not ask for it, ignore this email.`,
  });
}

type CodeRow = { id: string; code_hash: string; attempts: number; expired: boolean };

type Outcome =
  | { kind: "ok" | "wrong" | "expired" | "locked" | "missing" }
  | { kind: "locked_out"; retryAfter: number };

/**
 * Consumes the code when it matches; every wrong try is counted, even though the request fails,
 * against the code (a few tries each) and against the address (lib/auth/local/lockout-policy.ts).
 */
export async function verifyOtp(email: string, code: string): Promise<void> {
  const outcome = await sql.begin(async (tx): Promise<Outcome> => {
    const lockout = await readLockout(tx, email);
    const locked = lockedFor(lockout.state, lockout.now);
    if (locked > 0) return { kind: "locked_out", retryAfter: locked };
    const [row] = await tx<CodeRow[]>`
      select id, code_hash, attempts, expires_at <= now() as expired
      from otp_codes where email = ${email} and consumed_at is null
      order by created_at desc limit 1 for update`;
    if (!row) return { kind: "missing" };
    if (row.expired) return { kind: "expired" };
    if (row.attempts >= OTP_MAX_ATTEMPTS) return { kind: "locked" };
    if (!safeEqual(row.code_hash, hashCode(email, code))) {
      await tx`update otp_codes set attempts = attempts + 1 where id = ${row.id}`;
      const lockedNow = await recordFailure(tx, email, lockout);
      if (lockedNow > 0) return { kind: "locked_out", retryAfter: lockedNow };
      return { kind: row.attempts + 1 >= OTP_MAX_ATTEMPTS ? "locked" : "wrong" };
    }
    await tx`update otp_codes set consumed_at = now() where id = ${row.id}`;
    await clearLockout(tx, email);
    return { kind: "ok" };
  });
  switch (outcome.kind) {
    case "ok":
      return;
    case "wrong":
      throw new AppError("unauthorized", "That code is not right. Check the latest email and try again.");
    case "expired":
      throw new AppError("unauthorized", "That code has expired. Request a new one.");
    case "locked":
      throw new AppError("rate_limited", "Too many wrong codes. Request a new one.");
    case "locked_out":
      throw lockedOutError(outcome.retryAfter);
    case "missing":
      throw new AppError("unauthorized", "No active code for this address. Request a new one.");
  }
}
