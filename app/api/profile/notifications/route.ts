import { z } from "zod";
import { setEmailNotifications } from "@/lib/db/notifications";
import { AppError } from "@/lib/errors";
import { parseJson, withApiLogging } from "@/lib/with-api-logging";

const bodySchema = z.object({
  email_notifications: z.boolean({ error: "email_notifications must be true or false" }),
});

export const PATCH = withApiLogging({ auth: "user" }, async ({ req, user }) => {
  const body = await parseJson(req, bodySchema);
  const enabled = await setEmailNotifications(user.id, body.email_notifications);
  if (enabled === null) throw new AppError("not_found", "Profile not found.");
  return Response.json({ email_notifications: enabled });
});

export * from "@/lib/api/method-fallbacks";
