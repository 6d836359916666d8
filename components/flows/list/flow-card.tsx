"use client";

import { CopyIcon, EllipsisIcon, PlayCircleIcon, Trash2Icon, WorkflowIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { relativeTime } from "@/components/notifications/relative-time";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { plural } from "@/lib/plural";
import type { FlowSummary } from "../api";
import { DeleteFlowDialog } from "./delete-flow-dialog";
import { useFlowActions } from "./use-flow-actions";

const LAST_RUN = { running: "Running", failed: "Last run failed", canceled: "Last run canceled" } as const;

/** One flow: its last result, name, when it changed, how often it ran; its simple form, duplicate and delete. */
export function FlowCard({ flow }: { flow: FlowSummary }) {
  const { duplicate, remove } = useFlowActions();
  const [confirming, setConfirming] = useState(false);
  return (
    <article
      className="group relative flex flex-col overflow-hidden rounded-xl border bg-card shadow-xs transition-shadow focus-within:ring-[3px] focus-within:ring-ring/50 hover:shadow-md"
      data-testid="flow-card"
    >
      <div className="relative aspect-[16/10] overflow-hidden bg-muted">
        {flow.last_run_status && flow.last_run_status !== "completed" ? (
          <span className="absolute top-2 left-2 z-[1] rounded-full bg-background/90 px-2 py-0.5 font-medium text-xs shadow-xs backdrop-blur">
            {LAST_RUN[flow.last_run_status]}
          </span>
        ) : null}
        {flow.thumbnail_url ? (
          // biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed.
          <img
            src={flow.thumbnail_url}
            alt=""
            className="size-full object-cover transition-transform duration-300 group-hover:scale-[1.03]"
            loading="lazy"
          />
        ) : (
          <div className="flex size-full items-center justify-center bg-[radial-gradient(circle,var(--color-border)_1px,transparent_1px)] bg-[size:14px_14px]">
            <WorkflowIcon aria-hidden className="size-8 text-muted-foreground" />
          </div>
        )}
      </div>
      <div className="flex items-start gap-2 p-3">
        <div className="flex min-w-0 flex-1 flex-col gap-0.5">
          <h2 className="truncate font-medium text-sm">
            {/* The whole card opens the flow; the menu sits above this link. */}
            <Link href={`/flows/${flow.id}`} className="outline-none after:absolute after:inset-0">
              {flow.name}
            </Link>
          </h2>
          <p className="text-muted-foreground text-xs">
            Updated {relativeTime(flow.updated_at)} · {plural(flow.runs, "run")}
          </p>
        </div>
        <Link
          href={`/flows/${flow.id}/run`}
          aria-label={`Run ${flow.name} from its form`}
          title="Run it from its simple form"
          className="relative z-10 rounded-md p-1.5 text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <PlayCircleIcon aria-hidden className="size-4" />
        </Link>
        <DropdownMenu>
          <DropdownMenuTrigger
            aria-label={`Actions for ${flow.name}`}
            className="relative z-10 rounded-md p-1.5 text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <EllipsisIcon aria-hidden className="size-4" />
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem onSelect={() => duplicate.mutate(flow)}>
              <CopyIcon aria-hidden />
              Duplicate
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={() => setConfirming(true)} className="text-destructive">
              <Trash2Icon aria-hidden />
              Delete
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
      <DeleteFlowDialog
        name={flow.name}
        open={confirming}
        onOpenChange={setConfirming}
        onConfirm={() => remove.mutate(flow)}
      />
    </article>
  );
}
