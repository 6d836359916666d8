import "server-only";
// Local mode: mail is written to the outbox table and read at /dev/mailbox.
import { sql } from "@/lib/db/client";
import type { MailMessage, MailPort } from "@/lib/mail/types";

export const outboxMail: MailPort = {
  async send(message: MailMessage) {
    await sql`
      insert into mail_outbox (to_email, subject, text_body, html_body)
      values (${message.to.toLowerCase()}, ${message.subject}, ${message.text}, ${message.html ?? null})`;
  },
};

export type OutboxMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  created_at: string;
};

export async function listOutbox(to: string | null, limit = 50): Promise<OutboxMessage[]> {
  return sql<OutboxMessage[]>`
    select id, to_email as "to", subject, text_body as text, html_body as html, created_at
    from mail_outbox
    where ${to ? sql`to_email = ${to.toLowerCase()}` : sql`true`}
    order by created_at desc
    limit ${limit}`;
}
