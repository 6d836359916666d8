import "server-only";
import { env, mode } from "@/lib/env";
import { outboxMail } from "@/lib/mail/outbox";
import type { MailMessage, MailPort } from "@/lib/mail/types";

let transport: Promise<MailPort> | undefined;

/**
 * Resend when RESEND_API_KEY is set, else SMTP when SMTP_URL is, otherwise the local outbox.
 * The client library loads with the first message: most processes (a job worker finishing
 * quick generations) never send one, and both libraries are large.
 */
export function mail(): MailPort {
  return {
    send: async (message: MailMessage) => {
      transport ??= pick();
      await (await transport).send(message);
    },
  };
}

async function pick(): Promise<MailPort> {
  if (mode.email === "resend" && env.RESEND_API_KEY)
    return (await import("@/lib/mail/resend")).resendMail(env.RESEND_API_KEY, env.MAIL_FROM);
  if (mode.email === "smtp" && env.SMTP_URL)
    return (await import("@/lib/mail/smtp")).smtpMail(env.SMTP_URL, env.MAIL_FROM);
  return outboxMail;
}
