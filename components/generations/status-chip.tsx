import { LoaderCircleIcon } from "lucide-react";
import { cn } from "@/lib/utils";
import type { GenerationStatus } from "./types";
import { formatElapsed, useElapsedSeconds } from "./use-elapsed";

export const STATUS_LABELS: Record<GenerationStatus, string> = {
  queued: "Queued",
  processing: "Running",
  completed: "Done",
  failed: "Failed",
  canceled: "Canceled",
};

const DOT: Record<GenerationStatus, string> = {
  queued: "bg-muted-foreground",
  processing: "bg-brand",
  completed: "bg-success",
  failed: "bg-destructive",
  canceled: "bg-muted-foreground/60",
};

/**
 * A compact status label that reads on top of any image. Running, it counts the time since the
 * provider started the job (`startedAt`), in tabular figures so the chip does not jitter.
 */
export function StatusChip({
  status,
  startedAt,
  className,
}: {
  status: GenerationStatus;
  startedAt?: string | null;
  className?: string;
}) {
  const elapsed = useElapsedSeconds(status === "processing" ? startedAt : null);
  return (
    <span
      data-testid="status-chip"
      data-status={status}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full bg-background/90 px-2 py-0.5 font-medium text-foreground text-xs shadow-xs",
        className,
      )}
    >
      {status === "processing" ? (
        <LoaderCircleIcon aria-hidden className="size-3 animate-spin text-brand motion-reduce:animate-none" />
      ) : (
        <span aria-hidden className={cn("size-2 rounded-full", DOT[status])} />
      )}
      {STATUS_LABELS[status]}
      {elapsed === null ? null : " "}
      {elapsed === null ? null : (
        <time
          data-testid="elapsed"
          dateTime={`PT${elapsed}S`}
          className="text-muted-foreground tabular-nums"
          title="Time since the job started"
        >
          {formatElapsed(elapsed)}
        </time>
      )}
    </span>
  );
}
