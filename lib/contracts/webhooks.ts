// Outbound webhook endpoints, their delivery logs, redelivery and test events.
import { z } from "zod";
import { OUTBOUND_EVENT_TYPES } from "@/lib/outbound-webhooks/events";
import { idSchema, timestampSchema } from "./common";

export const outboundEventTypeSchema = z
  .enum(OUTBOUND_EVENT_TYPES, { error: `each event must be one of ${OUTBOUND_EVENT_TYPES.join(", ")}` })
  .meta({ id: "WebhookEventType" });

const deliveryStatusSchema = z.enum(["pending", "succeeded", "failed"]);

export const createEndpointRequest = z.strictObject({
  url: z
    .string({ error: "url is required" })
    .trim()
    .min(1, "url is required")
    .max(2000)
    .meta({ description: "https, and not a private, loopback or link-local address." }),
  events: z.array(outboundEventTypeSchema).min(1, "pick at least one event"),
});

export const createEndpointResponse = z.object({
  id: idSchema,
  secret: z.string().meta({ description: "The signing secret, `whsec_…`: shown in this answer only." }),
});

export const endpointSchema = z
  .object({
    id: idSchema,
    url: z.string(),
    events: z.array(outboundEventTypeSchema),
    created_at: timestampSchema,
    last_delivery_status: deliveryStatusSchema.nullable(),
    last_delivery_at: timestampSchema.nullable(),
  })
  .meta({ id: "WebhookEndpoint" });

export const endpointsResponse = z.object({ endpoints: z.array(endpointSchema) });

const attemptSchema = z.object({
  attempt: z.number().int(),
  manual: z.boolean().meta({ description: "A redelivery someone asked for." }),
  started_at: timestampSchema,
  status_code: z.number().int().nullable(),
  latency_ms: z.number().int().nullable(),
  error: z.string().nullable(),
});

const deliverySchema = z
  .object({
    id: idSchema,
    event_id: idSchema.meta({ description: "The `webhook-id` header: the same on every retry." }),
    event_type: z.string(),
    status: deliveryStatusSchema,
    attempts: z.number().int(),
    next_attempt_at: timestampSchema.nullable(),
    last_attempt_at: timestampSchema.nullable(),
    last_status_code: z.number().int().nullable(),
    last_latency_ms: z.number().int().nullable(),
    last_error: z.string().nullable(),
    created_at: timestampSchema,
    attempt_log: z.array(attemptSchema),
  })
  .meta({ id: "WebhookDelivery" });

export const deliveriesResponse = z.object({ deliveries: z.array(deliverySchema) });
export const deliveryParams = z.object({ id: idSchema, deliveryId: idSchema });
export const redeliverResponse = z.object({ id: idSchema, queued: z.literal(true) });
export const testEventResponse = z.object({ event_id: idSchema });
