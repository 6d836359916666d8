import "server-only";
// For transactions that change many generations of a user at once: the per-row version bump
// is switched off for this transaction only, and the version (the list's ETag) is bumped
// once per user at the end instead (supabase/migrations/20261130152100_generations_bulk_updates.sql).
import type { TransactionSql } from "postgres";

export async function quietRowBumps(tx: TransactionSql): Promise<void> {
  await tx`select set_config('atelier.bulk_update', 'on', true)`;
}

export async function bumpListVersion(tx: TransactionSql, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx`update profiles set generations_version = generations_version + 1 where id = any(${[...userIds]}::uuid[])`;
}
