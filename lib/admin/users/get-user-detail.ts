import "server-only";
// One user's profile, usage (generations by status, credits spent, last activity) and ledger.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import type { AdminUser, LedgerEntry, UserDetail, UserUsage } from "@/lib/admin/users/types";
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ADMIN_USER_COLUMNS } from "./columns";

const LEDGER_LIMIT = 100;

export async function getAdminUser(actor: Actor, userId: string): Promise<AdminUser> {
  assertAdmin(actor);
  const [user] = await sql<AdminUser[]>`select ${ADMIN_USER_COLUMNS} from profiles p where p.id = ${userId}`;
  if (!user) throw new AppError("not_found", "User not found.");
  return user;
}

export async function getUserDetail(actor: Actor, userId: string): Promise<UserDetail> {
  const user = await getAdminUser(actor, userId);
  const [statusRows, [money], [lastSignIn], ledger] = await Promise.all([
    sql<{ status: string; n: number }[]>`
      select status, count(*)::int as n from generations where user_id = ${userId} group by status`,
    sql<{ charged: number; refunded: number }[]>`
      select coalesce(sum(-delta) filter (where reason = 'charge'), 0)::int as charged,
             coalesce(sum(delta) filter (where reason in ('refund', 'admin_refund')), 0)::int as refunded
      from credit_ledger where user_id = ${userId}`,
    sql<{ at: Date | null }[]>`select max(created_at) as at from sessions where user_id = ${userId}`,
    sql<LedgerEntry[]>`
      select l.id::text, l.generation_id, l.delta, l.reason, l.note, a.email as actor_email, l.created_at
      from credit_ledger l left join profiles a on a.id = l.actor_id
      where l.user_id = ${userId}
      order by l.created_at desc, l.id desc
      limit ${LEDGER_LIMIT}`,
  ]);
  const charged = money?.charged ?? 0;
  const refunded = money?.refunded ?? 0;
  const usage: UserUsage = {
    by_status: Object.fromEntries(statusRows.map((r) => [r.status, r.n])),
    charged,
    refunded,
    net_spent: charged - refunded,
    last_generation_at: user.last_activity_at,
    last_sign_in_at: lastSignIn?.at ?? null,
  };
  return { user, usage, ledger };
}
