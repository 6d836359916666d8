"use client";

import { XIcon } from "lucide-react";
import Link from "next/link";
import { memo } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { ProgressBar } from "./progress-bar";
import { STATUS_LABELS, StatusChip } from "./status-chip";
import { TileMedia } from "./tile-media";
import { type Generation, isActive, isPending } from "./types";

const OUTER = "group relative aspect-square overflow-hidden rounded-lg border bg-muted/50";
// A long plain list skips the layout and paint of tiles off screen.
const SKIP_OFF_SCREEN = "[contain-intrinsic-size:auto_180px] [content-visibility:auto]";

/**
 * One generation as a square tile that opens its result page. Memoised on the item object:
 * React Query keeps unchanged items identical between polls, so a poll re-renders only what changed.
 */
export const GenerationTile = memo(function GenerationTile({
  item,
  onCancel,
  className,
  virtualized = false,
}: {
  item: Generation;
  onCancel?: (id: string) => void;
  className?: string;
  /**
   * In a virtualized list, which mounts only tiles on or near the screen: skipping work off
   * screen (content-visibility), lazy images and prefetching links as they show then only add
   * intersection checks to every frame of a scroll.
   */
  virtualized?: boolean;
}) {
  const pending = isPending(item.id);
  const label = `${STATUS_LABELS[item.status]}: ${item.prompt ?? item.model}`;
  const more = item.outputs.length > 1 ? item.outputs.length : 0;
  return (
    <div
      className={cn(OUTER, !virtualized && SKIP_OFF_SCREEN, className)}
      title={item.status === "failed" ? (item.error ?? undefined) : undefined}
    >
      {/* Status changes are announced once each, politely; the ticking time never is. */}
      <span className="sr-only" aria-live="polite">
        {label}
      </span>
      {pending ? (
        <div data-testid="generation-tile" data-status={item.status} className="size-full">
          <TileMedia item={item} loading={virtualized ? "eager" : "lazy"} />
        </div>
      ) : (
        <Link
          href={`/result/${item.id}`}
          // A virtualized list mounts every tile it scrolls past: prefetching each result page
          // as it shows would fetch hundreds of pages a minute that nobody opens.
          prefetch={virtualized ? false : undefined}
          data-testid="generation-tile"
          data-status={item.status}
          aria-label={label}
          className="block size-full outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60 focus-visible:ring-inset"
        >
          <TileMedia item={item} loading={virtualized ? "eager" : "lazy"} />
        </Link>
      )}
      <StatusChip
        status={item.status}
        startedAt={item.started_at}
        className="pointer-events-none absolute top-2 left-2"
      />
      {item.status === "processing" && typeof item.progress === "number" ? (
        // Over the tile's foot, so its arrival moves nothing.
        <ProgressBar
          value={item.progress}
          className="pointer-events-none absolute inset-x-2 bottom-2 bg-background/80 shadow-xs"
        />
      ) : null}
      {more ? (
        <span className="pointer-events-none absolute right-2 bottom-2 rounded-full bg-background/90 px-2 py-0.5 font-medium text-xs">
          {`×${more}`}
        </span>
      ) : null}
      {onCancel && !pending && isActive(item.status) ? (
        <Button
          size="icon"
          variant="secondary"
          aria-label="Cancel job"
          title="Cancel"
          className="absolute top-1 right-1 rounded-full bg-background/90 shadow"
          onClick={() => onCancel(item.id)}
        >
          <XIcon />
        </Button>
      ) : null}
    </div>
  );
});
