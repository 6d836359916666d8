import "server-only";
import { env, mode } from "@/lib/env";
import { outboxMail } from "@/lib/mail/outbox";
import { resendMail } from "@/lib/mail/resend";
import type { MailPort } from "@/lib/mail/types";

let port: MailPort | undefined;

/** Resend when RESEND_API_KEY is set, otherwise the local outbox. */
export function mail(): MailPort {
  port ??=
    mode.email === "resend" && env.RESEND_API_KEY
      ? resendMail(env.RESEND_API_KEY, env.MAIL_FROM)
      : outboxMail;
  return port;
}
