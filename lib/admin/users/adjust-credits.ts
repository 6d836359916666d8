import "server-only";
// A manual credit adjustment: one ledger row (reason admin_adjust, the admin's reason as the
// note) and one audit row, in one transaction. The ledger trigger moves the balance; an
// adjustment that would take it below zero is refused before anything is written.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { recordAudit } from "@/lib/audit";
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { lockUser } from "./lock-user";

export const MAX_ADJUSTMENT = 1_000_000;

export async function adjustCredits(
  actor: Actor,
  args: { userId: string; delta: number; reason: string },
): Promise<{ credits: number; ledger_id: string }> {
  assertAdmin(actor);
  const reason = args.reason.trim();
  if (!Number.isInteger(args.delta) || args.delta === 0 || Math.abs(args.delta) > MAX_ADJUSTMENT)
    throw new AppError(
      "bad_request",
      `delta: must be a whole number between -${MAX_ADJUSTMENT} and ${MAX_ADJUSTMENT}, not 0`,
    );
  if (!reason) throw new AppError("bad_request", "reason: a reason is required");
  return sql.begin(async (tx) => {
    const user = await lockUser(tx, args.userId);
    const after = user.credits + args.delta;
    if (after < 0)
      throw new AppError(
        "conflict",
        `This would take the balance below zero: the user has ${user.credits} credits.`,
      );
    const [entry] = await tx<{ id: string }[]>`
      insert into credit_ledger (user_id, delta, reason, note, actor_id)
      values (${user.id}, ${args.delta}, 'admin_adjust', ${reason}, ${actor.id})
      returning id::text`;
    if (!entry) throw new Error("ledger insert returned no row");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.credits.adjust",
      targetType: "user",
      targetId: user.id,
      before: { credits: user.credits },
      after: { credits: after, delta: args.delta, reason, ledger_id: entry.id },
    });
    return { credits: after, ledger_id: entry.id };
  });
}
