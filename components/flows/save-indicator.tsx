"use client";

import { CircleAlertIcon, CloudIcon, LoaderCircleIcon } from "lucide-react";
import { cn } from "@/lib/utils";
import type { SaveStatus } from "./use-autosave";

const LOOK: Record<SaveStatus, { label: string; className: string }> = {
  saved: { label: "Saved", className: "text-muted-foreground" },
  unsaved: { label: "Unsaved changes", className: "text-muted-foreground" },
  saving: { label: "Saving…", className: "text-muted-foreground" },
  error: { label: "Not saved", className: "text-destructive" },
  conflict: { label: "Changed elsewhere: reload to continue", className: "text-destructive" },
};

/** Whether what is on screen is saved: always visible, announced politely when it changes. */
export function SaveIndicator({ status, error }: { status: SaveStatus; error: string | null }) {
  const { label, className } = LOOK[status];
  return (
    <span
      role="status"
      data-testid="save-status"
      data-state={status}
      title={error ?? undefined}
      className={cn("flex shrink-0 items-center gap-1.5 text-xs", className)}
    >
      {status === "saving" ? (
        <LoaderCircleIcon aria-hidden className="size-3.5 animate-spin" />
      ) : status === "error" || status === "conflict" ? (
        <CircleAlertIcon aria-hidden className="size-3.5" />
      ) : (
        <CloudIcon aria-hidden className={cn("size-3.5", status === "unsaved" && "opacity-50")} />
      )}
      <span className={cn(status === "saved" && "max-sm:sr-only")}>{label}</span>
    </span>
  );
}
