"use client";

import { ArrowRightIcon } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Skeleton } from "@/components/ui/skeleton";
import { useGenerations } from "@/contexts/generations-context";
import { GenerationTile } from "./generation-tile";
import { useCancelGeneration } from "./use-generation-actions";

const SHOWN = 12;
const RECENT_LIST_ID = "recent-jobs";
/** Longer than a smooth scroll to the newest tile takes. */
const REVEAL_MS = 1_500;
let revealStartedAt = Number.NEGATIVE_INFINITY;

/**
 * Scrolls the newest tile into view when it is off screen (on a phone the list sits under the
 * form), so pressing Generate visibly does something.
 */
export function revealNewestJob(): void {
  requestAnimationFrame(() => {
    const tile = document.querySelector(`#${RECENT_LIST_ID} li`);
    if (!tile) return;
    const box = tile.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= window.innerHeight) return;
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    revealStartedAt = performance.now();
    tile.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
  });
}

/**
 * Ends a reveal still under way. The window's smooth scroll outlives the page: following the
 * new job's link mid-scroll opened its result page scrolled down by the rest of the animation.
 */
function stopRevealing(): void {
  if (performance.now() - revealStartedAt > REVEAL_MS) return;
  revealStartedAt = Number.NEGATIVE_INFINITY;
  window.scrollTo({ top: window.scrollY, behavior: "instant" });
}

/** The queue and latest results under the create form, polled by the generations context. */
export function RecentJobs({ title = "Recent" }: { title?: string }) {
  const { items, isLoading, error, hasActive } = useGenerations();
  const cancel = useCancelGeneration();
  const shown = items.slice(0, SHOWN);
  useEffect(() => stopRevealing, []);
  return (
    <section aria-labelledby="recent-heading" className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="recent-heading" className="font-semibold text-lg tracking-tight">
          {title}
          {hasActive ? <span className="sr-only"> (jobs running)</span> : null}
        </h2>
        <Button asChild variant="ghost" size="sm" className="h-10">
          <Link href="/history">
            All history <ArrowRightIcon />
          </Link>
        </Button>
      </div>
      {cancel.error ? <FormMessage>{cancel.error.message}</FormMessage> : null}
      {error && items.length === 0 ? <FormMessage>{error.message}</FormMessage> : null}
      {isLoading ? (
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {["a", "b", "c"].map((key) => (
            <Skeleton key={key} className="aspect-square rounded-lg" />
          ))}
        </div>
      ) : shown.length === 0 ? (
        <p className="rounded-lg border border-dashed p-6 text-center text-muted-foreground text-sm">
          Your jobs appear here as soon as you click Generate.
        </p>
      ) : (
        // Not a live region as a whole: each tile announces its own status changes, and the
        // running clocks inside must never be read out.
        <ul id={RECENT_LIST_ID} className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {shown.map((item) => (
            <li key={item.id}>
              <GenerationTile item={item} onCancel={cancel.mutate} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
