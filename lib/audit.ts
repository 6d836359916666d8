import "server-only";
// The audit log: every admin action writes one row (who, what, before, after) in the same
// transaction as the change it describes, so a change without its record cannot exist.
import type { Sql, TransactionSql } from "postgres";

export type AuditEntry = {
  actorId: string;
  /** Dotted verb, e.g. `user.credits.adjust`, `model.update`, `setting.update`. */
  action: string;
  targetType: "user" | "generation" | "model" | "setting" | "provider_token" | "job";
  targetId: string | null;
  before?: unknown;
  after?: unknown;
};

export async function recordAudit(db: Sql | TransactionSql, entry: AuditEntry): Promise<void> {
  const json = (value: unknown) => (value === undefined || value === null ? null : db.json(value as never));
  await db`
    insert into audit_log (actor_id, action, target_type, target_id, before, after)
    values (${entry.actorId}, ${entry.action}, ${entry.targetType}, ${entry.targetId},
            ${json(entry.before)}, ${json(entry.after)})`;
}
