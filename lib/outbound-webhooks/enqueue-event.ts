import "server-only";
import { deliveryJobKey } from "@/lib/jobs/definitions";
// Records an event and one delivery per subscribed endpoint, each with its delivery job, on the
// caller's connection or transaction: called inside the transaction that causes the event, the
// event exists exactly when that change commits. `dedupeKey` names the happening (e.g.
// "generation.completed:<id>"): recording it again, as a retried hook does, adds nothing, so
// each happening is one event id, and receivers see that id (`webhook-id`) on every retry.
import type { Db } from "@/lib/jobs/enqueue";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { type OutboundEventType, TEST_EVENT_TYPE } from "@/lib/outbound-webhooks/events";

export type OutboundEvent = {
  userId: string;
  type: OutboundEventType;
  data: Record<string, unknown>;
  dedupeKey?: string;
};

/** Returns the event id, or null when nobody subscribes or the event was already recorded. */
export async function enqueueOutboundEvent(db: Db, event: OutboundEvent): Promise<string | null> {
  const [subscribed] = await db<{ any: boolean }[]>`
    select exists (
      select 1 from webhook_endpoints where user_id = ${event.userId} and ${event.type} = any(events)
    ) as any`;
  if (!subscribed?.any) return null;
  const [row] = await db<{ id: string }[]>`
    insert into outbound_events (user_id, type, dedupe_key, data)
    values (${event.userId}, ${event.type}, ${event.dedupeKey ?? null}, ${db.json(event.data as never)})
    on conflict (dedupe_key) do nothing
    returning id`;
  if (!row) return null;
  const deliveries = await db<{ id: string }[]>`
    insert into webhook_deliveries (endpoint_id, event_id)
    select id, ${row.id} from webhook_endpoints
    where user_id = ${event.userId} and ${event.type} = any(events)
    returning id`;
  for (const delivery of deliveries) await enqueueDelivery(db, delivery.id);
  return row.id;
}

/** A `webhook.test` event for one endpoint, whatever it subscribed to. */
export async function enqueueTestEvent(db: Db, userId: string, endpointId: string): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into outbound_events (user_id, type, data)
    values (${userId}, ${TEST_EVENT_TYPE},
            ${db.json({ endpoint_id: endpointId, message: "A test event from Atelier." })})
    returning id`;
  if (!row) throw new Error("outbound event insert returned no row");
  const [delivery] = await db<{ id: string }[]>`
    insert into webhook_deliveries (endpoint_id, event_id) values (${endpointId}, ${row.id}) returning id`;
  if (delivery) await enqueueDelivery(db, delivery.id);
  return row.id;
}

function enqueueDelivery(db: Db, deliveryId: string): Promise<string> {
  return enqueueJob(
    db,
    "outbound_webhook.deliver",
    { deliveryId, manual: false },
    { jobKey: deliveryJobKey(deliveryId) },
  );
}
