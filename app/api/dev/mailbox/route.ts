import { emailSchema } from "@/lib/auth/schemas";
import { mode } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { listOutbox } from "@/lib/mail/outbox";
import { withApiLogging } from "@/lib/with-api-logging";

// The dev mailbox exists only in local mode: it would leak sign-in codes anywhere else.
export const GET = withApiLogging({ auth: "none" }, async ({ req }) => {
  if (mode.auth !== "local" || mode.email !== "mailbox") throw new AppError("not_found", "Not found.");
  const to = req.nextUrl.searchParams.get("to");
  const messages = await listOutbox(to ? emailSchema.parse(to) : null);
  return Response.json({ messages });
});

export * from "@/lib/api/method-fallbacks";
