"use client";

import { CircleSlashIcon, XIcon } from "lucide-react";
import { useEffect } from "react";
import { useFlowStore } from "./store/flow-store-context";

const VISIBLE_MS = 6000;

/** Why the last connection was refused, over the canvas, read out by screen readers. */
export function RefusalToast() {
  const refusal = useFlowStore((s) => s.refusal);
  const clear = useFlowStore((s) => s.clearRefusal);
  useEffect(() => {
    if (!refusal) return;
    const timer = setTimeout(clear, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [refusal, clear]);
  return (
    <div
      aria-live="assertive"
      className="-translate-x-1/2 pointer-events-none absolute top-3 left-1/2 z-10 w-[min(28rem,calc(100%-2rem))]"
    >
      {refusal ? (
        <div
          role="alert"
          data-testid="connection-refused"
          className="pointer-events-auto flex items-start gap-2 rounded-lg border border-destructive/40 bg-background px-3 py-2 text-sm shadow-lg"
        >
          <CircleSlashIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-destructive" />
          <p className="flex-1">
            <span className="font-medium">Can’t connect: </span>
            {refusal.message}
          </p>
          <button
            type="button"
            onClick={clear}
            aria-label="Dismiss"
            className="rounded p-0.5 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <XIcon aria-hidden className="size-4" />
          </button>
        </div>
      ) : null}
    </div>
  );
}
