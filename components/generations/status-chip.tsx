import { LoaderCircleIcon } from "lucide-react";
import { cn } from "@/lib/utils";
import type { GenerationStatus } from "./types";

export const STATUS_LABELS: Record<GenerationStatus, string> = {
  queued: "Queued",
  processing: "Processing",
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

/** A compact status label that reads on top of any image. */
export function StatusChip({ status, className }: { status: GenerationStatus; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full bg-background/90 px-2 py-0.5 font-medium text-foreground text-xs shadow-xs backdrop-blur",
        className,
      )}
    >
      {status === "processing" ? (
        <LoaderCircleIcon aria-hidden className="size-3 animate-spin text-brand" />
      ) : (
        <span aria-hidden className={cn("size-2 rounded-full", DOT[status])} />
      )}
      {STATUS_LABELS[status]}
    </span>
  );
}
