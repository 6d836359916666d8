import "server-only";
// Finds users by email, display name or Telegram id; newest first, page by page.
import { type Actor, assertAdmin } from "@/lib/admin/actor";
import { isUuid, likePattern } from "@/lib/admin/params";
import type { AdminUser } from "@/lib/admin/users/types";
import { sql } from "@/lib/db/client";
import { ADMIN_USER_COLUMNS } from "./columns";

export const USERS_PAGE_SIZE = 25;

export type UserSearch = { q?: string; page: number };
export type UserPage = { items: AdminUser[]; total: number; page: number; page_size: number };

export async function searchUsers(actor: Actor, search: UserSearch): Promise<UserPage> {
  assertAdmin(actor);
  const q = search.q?.trim() ?? "";
  const pattern = likePattern(q.toLowerCase());
  const telegramId = /^\d{1,18}$/.test(q) ? q : null;
  const where = q
    ? sql`where p.email like ${pattern} or lower(p.display_name) like ${pattern}
            ${telegramId ? sql`or p.telegram_id = ${telegramId}::bigint` : sql``}
            ${isUuid(q) ? sql`or p.id = ${q}::uuid` : sql``}`
    : sql``;
  const offset = (search.page - 1) * USERS_PAGE_SIZE;
  const rows = await sql<(AdminUser & { total: number })[]>`
    select ${ADMIN_USER_COLUMNS}, count(*) over ()::int as total
    from profiles p ${where}
    order by p.created_at desc, p.id desc
    limit ${USERS_PAGE_SIZE} offset ${offset}`;
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && offset > 0) {
    const [count] = await sql<{ n: number }[]>`select count(*)::int as n from profiles p ${where}`;
    total = count?.n ?? 0;
  }
  return {
    items: rows.map(({ total: _total, ...user }) => user),
    total,
    page: search.page,
    page_size: USERS_PAGE_SIZE,
  };
}
