import "server-only";
import { env, mode } from "@/lib/env";
import { outboxMail } from "@/lib/mail/outbox";
import { resendMail } from "@/lib/mail/resend";
import { smtpMail } from "@/lib/mail/smtp";
import type { MailPort } from "@/lib/mail/types";

let port: MailPort | undefined;

/** Resend when RESEND_API_KEY is set, else SMTP when SMTP_URL is, otherwise the local outbox. */
export function mail(): MailPort {
  port ??= pick();
  return port;
}

function pick(): MailPort {
  if (mode.email === "resend" && env.RESEND_API_KEY) return resendMail(env.RESEND_API_KEY, env.MAIL_FROM);
  if (mode.email === "smtp" && env.SMTP_URL) return smtpMail(env.SMTP_URL, env.MAIL_FROM);
  return outboxMail;
}
