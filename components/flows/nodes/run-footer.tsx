"use client";

import {
  BanIcon,
  CircleAlertIcon,
  CircleCheckIcon,
  ClockIcon,
  LoaderCircleIcon,
  RecycleIcon,
} from "lucide-react";
import Link from "next/link";
import { creditsLabel } from "@/components/generations/model-format";
import { cn } from "@/lib/utils";
import { useFlowStore } from "../store/flow-store-context";
import type { NodeRunStatus } from "../store/run-view";
import { OutputThumb } from "./output-thumb";

export const RUN_STATUS_LOOK: Record<NodeRunStatus, { label: string; className: string }> = {
  queued: { label: "Queued", className: "text-muted-foreground" },
  running: { label: "Running", className: "text-brand" },
  reused: { label: "Reused", className: "text-success" },
  done: { label: "Done", className: "text-success" },
  failed: { label: "Failed", className: "text-destructive" },
  canceled: { label: "Canceled", className: "text-muted-foreground" },
};

export function RunStatusIcon({ status, className }: { status: NodeRunStatus; className?: string }) {
  const props = { "aria-hidden": true, className: cn("size-3.5 shrink-0", className) } as const;
  switch (status) {
    case "running":
      return <LoaderCircleIcon {...props} className={cn(props.className, "animate-spin")} />;
    case "reused":
      return <RecycleIcon {...props} />;
    case "done":
      return <CircleCheckIcon {...props} />;
    case "failed":
      return <CircleAlertIcon {...props} />;
    case "canceled":
      return <BanIcon {...props} />;
    default:
      return <ClockIcon {...props} />;
  }
}

/** The node's part of the current run: its status, its cost, its result linked to the result page. */
export function RunFooter({
  id,
  showOutput = true,
  thumbClassName,
}: {
  id: string;
  showOutput?: boolean;
  thumbClassName?: string;
}) {
  const run = useFlowStore((s) => s.run?.nodes[id]);
  if (!run) return null;
  const { label, className } = RUN_STATUS_LOOK[run.status];
  const finished = run.status === "done" || run.status === "reused";
  const output = run.outputs[0];
  return (
    <div className="flex flex-col gap-2 border-t px-3 py-2" data-testid="node-run" data-status={run.status}>
      <div className={cn("flex items-center gap-1.5 font-medium text-xs", className)}>
        <RunStatusIcon status={run.status} />
        <span>{label}</span>
        {run.status === "reused" && run.reusedFrom ? (
          <Link
            href={`/result/${run.reusedFrom}`}
            className="nodrag font-normal text-muted-foreground underline underline-offset-2 hover:text-foreground"
          >
            from an earlier result
          </Link>
        ) : null}
        {run.status === "done" && run.credits > 0 ? (
          <span className="ml-auto font-normal text-muted-foreground tabular-nums">
            {creditsLabel(run.credits)}
          </span>
        ) : null}
      </div>
      {run.status === "failed" && run.error ? (
        <p className="line-clamp-3 text-destructive text-xs">{run.error}</p>
      ) : null}
      {showOutput && finished && run.text ? (
        <p className="nodrag nowheel max-h-28 overflow-y-auto whitespace-pre-wrap rounded-md bg-muted px-2 py-1.5 text-xs">
          {run.text}
        </p>
      ) : null}
      {showOutput && finished && output && run.generationId ? (
        <OutputThumb output={output} generationId={run.generationId} className={thumbClassName} />
      ) : null}
    </div>
  );
}
