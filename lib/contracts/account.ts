// The signed-in person: who they are, their notifications and preferences, asking for credits.
import { z } from "zod";
import { idSchema, timestampSchema } from "./common";

export const meResponse = z
  .object({
    id: idSchema,
    email: z.string().nullable(),
    role: z.enum(["user", "admin", "super_admin"]),
    credits: z.number().int(),
  })
  .meta({ id: "Me" });

const notificationSchema = z
  .object({
    id: idSchema,
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    generation_id: idSchema.nullable(),
    read_at: timestampSchema.nullable(),
    created_at: timestampSchema,
  })
  .meta({ id: "Notification" });

export const notificationsResponse = z.object({
  items: z.array(notificationSchema),
  unread_count: z.number().int(),
});

// Strict: a misspelt `ids` must be refused, not read as "all".
export const markReadRequest = z.strictObject({
  ids: z.array(z.uuid("ids must be notification ids")).max(100).optional(),
});
export const markReadResponse = z.object({ updated: z.number().int() });

export const emailNotificationsRequest = z.object({
  email_notifications: z.boolean({ error: "email_notifications must be true or false" }),
});
export const emailNotificationsResponse = emailNotificationsRequest;

export const creditsRequestResponse = z.object({ requested_at: timestampSchema });
