import type { Wire } from "@/lib/api/wire";
import type { DeliveryLogEntry } from "@/lib/outbound-webhooks/deliveries";
import type { EndpointSummary } from "@/lib/outbound-webhooks/endpoints";

export type EndpointRow = Wire<EndpointSummary>;
export type DeliveryRow = Wire<DeliveryLogEntry>;
