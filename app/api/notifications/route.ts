import { listNotifications } from "@/lib/db/notifications";
import { withApiLogging } from "@/lib/with-api-logging";

/** The caller's 30 newest notifications and how many of all theirs are unread. */
export const GET = withApiLogging({ auth: "user" }, async ({ user }) => {
  const { items, unreadCount } = await listNotifications(user.id, 30);
  return Response.json(
    { items, unread_count: unreadCount },
    { headers: { "cache-control": "private, no-store" } },
  );
});

export * from "@/lib/api/method-fallbacks";
