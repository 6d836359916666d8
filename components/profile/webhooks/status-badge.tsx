import { Badge } from "@/components/ui/badge";

const LOOK = {
  succeeded: { variant: "success", label: "Delivered" },
  pending: { variant: "secondary", label: "Retrying" },
  failed: { variant: "destructive", label: "Failed" },
} as const;

/** A delivery's state in words: delivered, waiting for its next try, or given up. */
export function DeliveryStatusBadge({ status, attempts }: { status: keyof typeof LOOK; attempts: number }) {
  const look = LOOK[status];
  const label = status === "pending" && attempts === 0 ? "Sending" : look.label;
  return <Badge variant={look.variant}>{label}</Badge>;
}
