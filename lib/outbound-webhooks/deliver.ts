import "server-only";
// Runs one delivery attempt (the `outbound_webhook.deliver` job): signs the event, sends it,
// records the attempt and, when an automatic attempt failed, schedules the next one on the
// backoff (lib/outbound-webhooks/backoff.ts) or gives up after the last. A delivery whose
// endpoint was removed, or that already succeeded, is left alone; a person's redelivery
// (`manual`) always sends once and never starts a retry chain of its own.
import { sql } from "@/lib/db/client";
import { deliveryJobKey, redeliveryJobKey } from "@/lib/jobs/definitions";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { Logger } from "@/lib/log";
import { retryDelayMs } from "@/lib/outbound-webhooks/backoff";
import { type SendResult, sendWebhook } from "@/lib/outbound-webhooks/send";
import { openEndpointSecret, signedHeaders } from "@/lib/outbound-webhooks/signing";
import { endpointUrlRules } from "@/lib/outbound-webhooks/url-policy";

type DeliveryRow = {
  id: string;
  status: "pending" | "succeeded" | "failed";
  endpoint_id: string;
  url: string;
  secret_ciphertext: string;
  event_id: string;
  type: string;
  data: Record<string, unknown>;
  event_at: Date;
};

export async function deliverWebhook(deliveryId: string, manual: boolean, log: Logger): Promise<void> {
  const [row] = await sql<DeliveryRow[]>`
    select d.id, d.status, e.id as endpoint_id, e.url, e.secret_ciphertext,
           ev.id as event_id, ev.type, ev.data, ev.created_at as event_at
    from webhook_deliveries d
    join webhook_endpoints e on e.id = d.endpoint_id
    join outbound_events ev on ev.id = d.event_id
    where d.id = ${deliveryId}`;
  if (!row || (!manual && row.status !== "pending")) return;
  // The Standard Webhooks payload: what happened, when, and its data.
  const body = JSON.stringify({ type: row.type, timestamp: row.event_at.toISOString(), data: row.data });
  const secret = openEndpointSecret(row.secret_ciphertext, row.endpoint_id);
  const result = await sendWebhook(
    row.url,
    signedHeaders(secret, row.event_id, new Date(), body),
    body,
    endpointUrlRules(),
  );
  const outcome = await recordAttempt(row.id, manual, result);
  log[result.ok ? "info" : "warn"]("webhook delivery attempt", {
    deliveryId,
    eventType: row.type,
    attempt: outcome.attempt,
    manual,
    statusCode: result.statusCode,
    latencyMs: result.latencyMs,
    error: result.error,
    next: outcome.next,
  });
}

async function recordAttempt(
  deliveryId: string,
  manual: boolean,
  result: SendResult,
): Promise<{ attempt: number; next: "none" | "retry" | "gave_up" }> {
  return sql.begin(async (tx) => {
    const [counted] = await tx<{ attempts: number; status: DeliveryRow["status"] }[]>`
      update webhook_deliveries set attempts = attempts + 1 where id = ${deliveryId}
      returning attempts, status`;
    // Removed meanwhile (its endpoint deleted): nothing left to record.
    if (!counted) return { attempt: 0, next: "none" as const };
    const attempt = counted.attempts;
    await tx`
      insert into webhook_delivery_attempts (delivery_id, attempt, manual, started_at, status_code, latency_ms, error)
      values (${deliveryId}, ${attempt}, ${manual}, ${result.startedAt}, ${result.statusCode}, ${result.latencyMs},
              ${result.error})`;
    let status: DeliveryRow["status"];
    let nextAt: Date | null = null;
    let next: "none" | "retry" | "gave_up" = "none";
    if (result.ok) status = "succeeded";
    else if (manual) status = counted.status === "pending" ? "pending" : "failed";
    else {
      const delay = retryDelayMs(attempt);
      status = delay === null ? "failed" : "pending";
      next = delay === null ? "gave_up" : "retry";
      if (delay !== null) {
        nextAt = new Date(result.startedAt.getTime() + result.latencyMs + delay);
        await enqueueJob(
          tx,
          "outbound_webhook.deliver",
          { deliveryId, manual: false },
          { jobKey: deliveryJobKey(deliveryId), runAt: nextAt },
        );
      }
    }
    // A successful redelivery ends any retry chain still scheduled: its job finds it succeeded.
    await tx`
      update webhook_deliveries set
        status = ${status},
        next_attempt_at = case when ${status} = 'pending' then coalesce(${nextAt}::timestamptz, next_attempt_at) end,
        last_attempt_at = ${result.startedAt}, last_status_code = ${result.statusCode},
        last_latency_ms = ${result.latencyMs}, last_error = ${result.error}
      where id = ${deliveryId}`;
    return { attempt, next };
  });
}

/** Queues one manual attempt now; the caller checked the delivery is theirs. */
export async function enqueueRedelivery(deliveryId: string): Promise<void> {
  await enqueueJob(
    sql,
    "outbound_webhook.deliver",
    { deliveryId, manual: true },
    { jobKey: redeliveryJobKey(deliveryId) },
  );
}
