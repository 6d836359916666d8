import "server-only";
// A person's webhook endpoints: add (the signing secret is returned this once), list, read,
// remove. Removing an endpoint removes its delivery log and stops its pending retries.
import { randomUUID } from "node:crypto";
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { OutboundEventType } from "@/lib/outbound-webhooks/events";
import { newEndpointSecret, sealEndpointSecret } from "@/lib/outbound-webhooks/signing";
import { assertEndpointUrl } from "@/lib/outbound-webhooks/url-check";

export const MAX_ENDPOINTS = 10;

export type EndpointSummary = {
  id: string;
  url: string;
  events: OutboundEventType[];
  created_at: Date;
  /** The newest delivery's outcome, for the list. */
  last_delivery_status: "pending" | "succeeded" | "failed" | null;
  last_delivery_at: Date | null;
};

export async function createEndpoint(
  userId: string,
  input: { url: string; events: OutboundEventType[] },
): Promise<{ id: string; secret: string }> {
  await assertEndpointUrl(input.url);
  const id = randomUUID();
  const secret = newEndpointSecret();
  const sealed = sealEndpointSecret(secret, id);
  const events = [...new Set(input.events)];
  await sql.begin(async (tx) => {
    // The profile row lock serialises one person's adds, so the count holds.
    await tx`select id from profiles where id = ${userId} for update`;
    const [count] = await tx<{ n: number }[]>`
      select count(*)::int as n from webhook_endpoints where user_id = ${userId}`;
    if ((count?.n ?? 0) >= MAX_ENDPOINTS)
      throw new AppError("conflict", `You already have ${MAX_ENDPOINTS} endpoints. Remove one first.`);
    await tx`
      insert into webhook_endpoints (id, user_id, url, events, secret_ciphertext)
      values (${id}, ${userId}, ${input.url}, ${events}, ${sealed})`;
  });
  return { id, secret };
}

export async function listEndpoints(userId: string, id?: string): Promise<EndpointSummary[]> {
  return sql<EndpointSummary[]>`
    select e.id, e.url, e.events, e.created_at,
           d.status as last_delivery_status, d.created_at as last_delivery_at
    from webhook_endpoints e
    left join lateral (
      select status, created_at from webhook_deliveries
      where endpoint_id = e.id order by created_at desc limit 1
    ) d on true
    where e.user_id = ${userId} ${id ? sql`and e.id = ${id}` : sql``}
    order by e.created_at`;
}

/** The caller's endpoint; another person's is not found. */
export async function requireOwnEndpoint(userId: string, id: string): Promise<EndpointSummary> {
  const [endpoint] = await listEndpoints(userId, id);
  if (!endpoint) throw new AppError("not_found", "No such webhook endpoint.");
  return endpoint;
}

export async function deleteEndpoint(userId: string, id: string): Promise<void> {
  const rows = await sql`delete from webhook_endpoints where id = ${id} and user_id = ${userId} returning id`;
  if (rows.length === 0) throw new AppError("not_found", "No such webhook endpoint.");
}
