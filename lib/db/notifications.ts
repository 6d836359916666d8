import "server-only";
// In-app notifications and the per-user email preference. Every query is scoped to its owner.
import { sql } from "@/lib/db/client";

export const NOTIFICATION_KINDS = ["generation_completed", "generation_failed", "credits_requested"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationRow = {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  generation_id: string | null;
  read_at: Date | null;
  created_at: Date;
};

export type NewNotification = {
  userId: string;
  generationId: string;
  kind: NotificationKind;
  title: string;
  body: string;
};

/** Inserts once per (generation, kind); true only for the call that created the row. */
export async function insertNotification(n: NewNotification): Promise<boolean> {
  const rows = await sql`
    insert into notifications (user_id, generation_id, kind, title, body)
    values (${n.userId}, ${n.generationId}, ${n.kind}, ${n.title.slice(0, 200)}, ${n.body.slice(0, 2000)})
    on conflict (generation_id, kind) where generation_id is not null do nothing
    returning id`;
  return rows.length > 0;
}

/** The same notification (no generation) to every active admin; how many were written. */
export async function notifyAdmins(n: {
  kind: NotificationKind;
  title: string;
  body: string;
}): Promise<number> {
  const rows = await sql`
    insert into notifications (user_id, kind, title, body)
    select id, ${n.kind}, ${n.title.slice(0, 200)}, ${n.body.slice(0, 2000)}
    from profiles where role in ('admin', 'super_admin') and status = 'active'
    returning id`;
  return rows.length;
}

export async function listNotifications(
  userId: string,
  limit = 30,
): Promise<{ items: NotificationRow[]; unreadCount: number }> {
  const [items, [counts]] = await Promise.all([
    sql<NotificationRow[]>`
      select id, kind, title, body, generation_id, read_at, created_at
      from notifications where user_id = ${userId}
      order by created_at desc, id desc limit ${limit}`,
    sql<{ unread: number }[]>`
      select count(*)::int as unread from notifications where user_id = ${userId} and read_at is null`,
  ]);
  return { items, unreadCount: counts?.unread ?? 0 };
}

/** Marks the given ids (or all) of this user's unread notifications as read; others' ids match nothing. */
export async function markNotificationsRead(userId: string, ids?: readonly string[]): Promise<number> {
  const rows = await sql`
    update notifications set read_at = now()
    where user_id = ${userId} and read_at is null
      ${ids ? sql`and id = any(${ids as string[]}::uuid[])` : sql``}
    returning id`;
  return rows.length;
}

export type NotificationRecipient = { email: string | null; emailNotifications: boolean };

export async function notificationRecipient(userId: string): Promise<NotificationRecipient | null> {
  const [row] = await sql<{ email: string | null; email_notifications: boolean }[]>`
    select email, email_notifications from profiles where id = ${userId}`;
  return row ? { email: row.email, emailNotifications: row.email_notifications } : null;
}

export async function setEmailNotifications(userId: string, enabled: boolean): Promise<boolean | null> {
  const [row] = await sql<{ email_notifications: boolean }[]>`
    update profiles set email_notifications = ${enabled}, updated_at = now()
    where id = ${userId} returning email_notifications`;
  return row ? row.email_notifications : null;
}
