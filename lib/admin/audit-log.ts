import "server-only";
// The audit log for the console: newest first, page by page, with the actor's email.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { sql } from "@/lib/db/client";

export const AUDIT_PAGE_SIZE = 50;

export type AuditItem = {
  id: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  target_label: string | null;
  before: unknown;
  after: unknown;
  created_at: Date;
};

export async function listAuditLog(
  actor: Actor,
  query: { page: number; action?: string; targetId?: string },
): Promise<{ items: AuditItem[]; total: number; page: number; page_size: number }> {
  assertAdmin(actor);
  const where = sql`where true
    ${query.action ? sql`and a.action = ${query.action}` : sql``}
    ${query.targetId ? sql`and a.target_id = ${query.targetId}` : sql``}`;
  const [items, [count]] = await Promise.all([
    sql<AuditItem[]>`
      select a.id::text, a.actor_id, p.email as actor_email, a.action, a.target_type, a.target_id,
             case when a.target_type = 'user' then t.email
                  when a.target_type = 'provider_token' then coalesce(a.after ->> 'label', a.before ->> 'label')
             end as target_label,
             a.before, a.after, a.created_at
      from audit_log a
        left join profiles p on p.id = a.actor_id
        left join profiles t on a.target_type = 'user' and t.id::text = a.target_id
      ${where}
      order by a.created_at desc, a.id desc
      limit ${AUDIT_PAGE_SIZE} offset ${(query.page - 1) * AUDIT_PAGE_SIZE}`,
    sql<{ n: number }[]>`select count(*)::int as n from audit_log a ${where}`,
  ]);
  return { items, total: count?.n ?? 0, page: query.page, page_size: AUDIT_PAGE_SIZE };
}
