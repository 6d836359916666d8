"use client";

import { ChevronRightIcon, EyeIcon, LoaderCircleIcon } from "lucide-react";
import Link from "next/link";
import { relativeTime } from "@/components/notifications/relative-time";
import { cn } from "@/lib/utils";
import { useFlowRuns } from "../use-flow-runs";
import { RunReceipt } from "./run-receipt";

const RUN_LABEL: Record<string, { label: string; className: string }> = {
  running: { label: "Running", className: "bg-brand/15 text-brand" },
  completed: { label: "Done", className: "bg-success/15 text-success" },
  failed: { label: "Failed", className: "bg-destructive/15 text-destructive" },
  canceled: { label: "Canceled", className: "bg-muted text-muted-foreground" },
};

/** Every run of the flow, newest first, each with its receipt and a read-only view as it ran. */
export function RunsList({ flowId }: { flowId: string }) {
  const runs = useFlowRuns(flowId);
  if (runs.isPending)
    return (
      <div className="flex justify-center py-6" aria-busy="true">
        <LoaderCircleIcon aria-hidden className="size-5 animate-spin text-muted-foreground" />
      </div>
    );
  if (runs.isError) return <p className="text-destructive text-sm">{runs.error.message}</p>;
  if (runs.data.length === 0)
    return <p className="text-muted-foreground text-sm">No runs yet. Press Run to make the first.</p>;
  return (
    <ol className="flex flex-col gap-2">
      {runs.data.map((run) => {
        const look = RUN_LABEL[run.status] ?? { label: run.status, className: "bg-muted" };
        return (
          <li key={run.id} className="rounded-lg border">
            <details className="group">
              <summary className="flex cursor-pointer list-none items-center gap-2 px-3 py-2 text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
                <ChevronRightIcon
                  aria-hidden
                  className="size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-90"
                />
                <span className={cn("rounded px-1.5 py-0.5 font-medium text-xs", look.className)}>
                  {look.label}
                </span>
                <span className="text-muted-foreground text-xs">{relativeTime(run.created_at)}</span>
                <span className="ml-auto text-xs tabular-nums">
                  {run.charged_credits} / {run.estimated_credits} cr
                </span>
              </summary>
              <div className="flex flex-col gap-3 border-t px-3 py-2">
                <RunReceipt run={run} />
                <Link
                  href={`/flows/${flowId}?run=${run.id}`}
                  className="inline-flex items-center gap-1.5 self-start font-medium text-sm underline-offset-4 hover:underline"
                >
                  <EyeIcon aria-hidden className="size-4" />
                  Open as it ran
                </Link>
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
