import "server-only";
import { Resend } from "resend";
import type { MailMessage, MailPort } from "@/lib/mail/types";

export function resendMail(apiKey: string, from: string): MailPort {
  const client = new Resend(apiKey);
  return {
    async send(message: MailMessage) {
      const { error } = await client.emails.send({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
      if (error) throw new Error(`Resend refused the message: ${error.message}`);
    },
  };
}
