import { emailSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors";
import { devMailboxEnabled } from "@/lib/mail/dev-mailbox";
import { listOutbox } from "@/lib/mail/outbox";
import { withApiLogging } from "@/lib/with-api-logging";

// Development only (lib/mail/dev-mailbox.ts): anywhere else it would hand out sign-in codes.
export const GET = withApiLogging({ auth: "none" }, async ({ req }) => {
  if (!devMailboxEnabled()) throw new AppError("not_found", "Not found.");
  const to = req.nextUrl.searchParams.get("to");
  const messages = await listOutbox(to ? emailSchema.parse(to) : null);
  return Response.json({ messages });
});

export * from "@/lib/api/method-fallbacks";
