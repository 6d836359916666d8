// The events people can subscribe their webhook endpoints to. No server-only import: the
// profile page lists them. A new event type is added here and enqueued with
// enqueueOutboundEvent (lib/outbound-webhooks/enqueue-event.ts).
export const OUTBOUND_EVENT_TYPES = [
  "generation.completed",
  "generation.failed",
  "flow_run.completed",
  "flow_run.failed",
] as const;
export type OutboundEventType = (typeof OUTBOUND_EVENT_TYPES)[number];

/** Sent by "Send test event" to one endpoint, whatever it subscribed to. */
export const TEST_EVENT_TYPE = "webhook.test";

export const OUTBOUND_EVENT_INFO: Record<OutboundEventType, string> = {
  "generation.completed": "A generation finished with its outputs stored.",
  "generation.failed": "A generation failed (its credits are refunded).",
  "flow_run.completed": "A flow run finished.",
  "flow_run.failed": "A flow run failed.",
};
