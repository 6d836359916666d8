import { markReadRequest } from "@/lib/contracts/account";
import { markNotificationsRead } from "@/lib/db/notifications";
import { withApiLogging } from "@/lib/with-api-logging";

// Marks the listed notifications (or all, without ids) of the caller as read; ids of anyone
// else's match nothing. An empty body means "all"; an unknown key is refused rather than read
// as "all" (a misspelt `ids` must not clear every notification).
export const POST = withApiLogging({ auth: "user" }, async ({ req, user }) => {
  const text = await req.text();
  const body = markReadRequest.parse(text.trim() ? JSON.parse(text) : {});
  const updated = await markNotificationsRead(user.id, body.ids);
  return Response.json({ updated });
});

export * from "@/lib/api/method-fallbacks";
