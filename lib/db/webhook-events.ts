import "server-only";
import { sql } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";

export type WebhookEventRow = {
  id: string;
  provider: "replicate" | "fal";
  event_id: string;
  generation_id: string | null;
  payload: unknown;
  attempts: number;
};

/**
 * Stores a verified delivery once with its `webhook.process` job, in one transaction; a
 * duplicate (same provider and event id) returns null and enqueues nothing.
 */
export async function insertWebhookEvent(e: {
  provider: string;
  eventId: string;
  generationId: string | null;
  payload: unknown;
}): Promise<string | null> {
  return sql.begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      insert into webhook_events (provider, event_id, generation_id, payload)
      values (${e.provider}, ${e.eventId},
              (select id from generations where id = ${e.generationId}::uuid), ${tx.json(e.payload as never)})
      on conflict (provider, event_id) do nothing
      returning id`;
    if (!row) return null;
    await enqueueJob(tx, "webhook.process", { eventId: row.id });
    return row.id;
  });
}

/** Claims an unprocessed event for one attempt (skips it when another worker holds it). */
export async function claimWebhookEvent(id: string): Promise<WebhookEventRow | null> {
  const [row] = await sql<WebhookEventRow[]>`
    update webhook_events set attempts = attempts + 1
    where id = (select id from webhook_events where id = ${id} and processed_at is null for update skip locked)
    returning id, provider, event_id, generation_id, payload, attempts`;
  return row ?? null;
}

export async function markWebhookEventProcessed(id: string): Promise<void> {
  await sql`update webhook_events set processed_at = now(), last_error = null where id = ${id}`;
}

export async function markWebhookEventFailed(id: string, error: string): Promise<void> {
  await sql`update webhook_events set last_error = ${error.slice(0, 1000)} where id = ${id}`;
}

/** Characters of a running job's logs kept in its processed event (the tail, where progress is). */
export const KEPT_LOG_CHARS = 2_000;

/**
 * A processed report of a running job keeps only the tail of its logs. They are cumulative, so
 * a long run's deliveries (one every 500 ms) would otherwise store the same log many times over;
 * the completed event keeps it whole.
 */
export async function trimProcessedLogs(id: string): Promise<void> {
  await sql`
    update webhook_events
    set payload = jsonb_set(payload, '{logs}', to_jsonb(right(payload->>'logs', ${KEPT_LOG_CHARS})))
    where id = ${id} and processed_at is not null and jsonb_typeof(payload->'logs') = 'string'
      and length(payload->>'logs') > ${KEPT_LOG_CHARS}`;
}
