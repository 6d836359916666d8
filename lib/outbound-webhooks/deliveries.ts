import "server-only";
// The delivery log of one endpoint: newest first, each with its attempts (when, status code,
// latency, error), and a redelivery of one of them.
import { sql } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueRedelivery } from "@/lib/outbound-webhooks/deliver";

export const DELIVERY_LOG_LIMIT = 50;

export type DeliveryAttempt = {
  attempt: number;
  manual: boolean;
  started_at: Date;
  status_code: number | null;
  latency_ms: number | null;
  error: string | null;
};

export type DeliveryLogEntry = {
  id: string;
  event_id: string;
  event_type: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_latency_ms: number | null;
  last_error: string | null;
  created_at: Date;
  attempt_log: DeliveryAttempt[];
};

export async function listDeliveries(endpointId: string): Promise<DeliveryLogEntry[]> {
  return sql<DeliveryLogEntry[]>`
    select d.id, d.event_id, ev.type as event_type, d.status, d.attempts, d.next_attempt_at,
           d.last_attempt_at, d.last_status_code, d.last_latency_ms, d.last_error, d.created_at,
           coalesce((
             select json_agg(json_build_object(
               'attempt', a.attempt, 'manual', a.manual, 'started_at', a.started_at,
               'status_code', a.status_code, 'latency_ms', a.latency_ms, 'error', a.error) order by a.id)
             from webhook_delivery_attempts a where a.delivery_id = d.id
           ), '[]'::json) as attempt_log
    from webhook_deliveries d join outbound_events ev on ev.id = d.event_id
    where d.endpoint_id = ${endpointId}
    order by d.created_at desc, d.id
    limit ${DELIVERY_LOG_LIMIT}`;
}

/** Sends a delivery of the caller's endpoint again, now; the receiver sees the same event id. */
export async function redeliver(userId: string, endpointId: string, deliveryId: string): Promise<void> {
  const [row] = await sql`
    select d.id from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
    where d.id = ${deliveryId} and d.endpoint_id = ${endpointId} and e.user_id = ${userId}`;
  if (!row) throw new AppError("not_found", "No such delivery.");
  await enqueueRedelivery(deliveryId);
}
