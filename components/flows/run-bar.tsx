"use client";

import { CircleAlertIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { ApiError } from "@/components/providers/fetch-json";

/** Why a run did not start: insufficient credits (with a way to get more), or the graph's first problem. */
export function RunBar({ error, onDismiss }: { error: Error | null; onDismiss: () => void }) {
  if (!error) return null;
  const credits = error instanceof ApiError && error.status === 402;
  return (
    <div
      role="alert"
      className="flex shrink-0 items-start gap-2 border-b border-destructive/30 bg-destructive/10 px-3 py-2 text-sm"
    >
      <CircleAlertIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-destructive" />
      <p className="min-w-0 flex-1">
        {error.message}
        {credits ? (
          <>
            {" "}
            <Link href="/credits" className="font-medium underline underline-offset-2">
              Get credits
            </Link>
          </>
        ) : null}
      </p>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss"
        className="rounded p-0.5 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <XIcon aria-hidden className="size-4" />
      </button>
    </div>
  );
}
