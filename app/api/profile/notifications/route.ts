import { emailNotificationsRequest } from "@/lib/contracts/account";
import { setEmailNotifications } from "@/lib/db/notifications";
import { AppError } from "@/lib/errors";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

export const PATCH = withApiLogging({ auth: "user" }, async ({ req, user }) => {
  const body = await parseJson(req, emailNotificationsRequest);
  const enabled = await setEmailNotifications(user.id, body.email_notifications);
  if (enabled === null) throw new AppError("not_found", "Profile not found.");
  return Response.json({ email_notifications: enabled });
});

export * from "@/lib/api/method-fallbacks";
