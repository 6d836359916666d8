import "server-only";
// Mail through any SMTP server (SMTP_URL: smtp://user:pass@host:587, or smtps:// for TLS from
// the first byte). One transport per process; nodemailer upgrades plain connections with
// STARTTLS when the server offers it.
import { createTransport } from "nodemailer";
import type { MailMessage, MailPort } from "@/lib/mail/types";

export function smtpMail(url: string, from: string): MailPort {
  const transport = createTransport(url);
  return {
    async send(message: MailMessage) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
    },
  };
}
