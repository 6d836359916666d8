import { Badge } from "@/components/ui/badge";
import type { JobState } from "@/lib/jobs/definitions";

const VARIANT: Record<JobState, "secondary" | "brand" | "outline" | "destructive"> = {
  queued: "secondary",
  scheduled: "outline",
  running: "brand",
  retrying: "outline",
  dead: "destructive",
};

export function JobStateBadge({ state }: { state: JobState }) {
  return <Badge variant={VARIANT[state]}>{state}</Badge>;
}
