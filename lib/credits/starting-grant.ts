import "server-only";
import type { TransactionSql } from "postgres";
import { getSetting } from "@/lib/settings/settings";

/** Gives a newly created profile its starting credits, in the transaction that created it. */
export async function grantStartingCredits(tx: TransactionSql, userId: string): Promise<void> {
  const amount = await getSetting("starting_credits");
  if (amount <= 0) return;
  await tx`
    insert into credit_ledger (user_id, delta, reason, note)
    values (${userId}, ${amount}, 'grant', 'starting credits')`;
}
