"use client";

import { XIcon } from "lucide-react";
import Link from "next/link";
import { memo } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { STATUS_LABELS, StatusChip } from "./status-chip";
import { TileMedia } from "./tile-media";
import { type Generation, isActive, isPending } from "./types";

const OUTER =
  "group relative aspect-square overflow-hidden rounded-lg border bg-muted/50 [contain-intrinsic-size:auto_180px] [content-visibility:auto]";

/**
 * One generation as a square tile that opens its result page. Memoised on the item object:
 * React Query keeps unchanged items identical between polls, so a poll re-renders only what changed.
 */
export const GenerationTile = memo(function GenerationTile({
  item,
  onCancel,
  className,
}: {
  item: Generation;
  onCancel?: (id: string) => void;
  className?: string;
}) {
  const pending = isPending(item.id);
  const label = `${STATUS_LABELS[item.status]}: ${item.prompt ?? item.model}`;
  const more = item.outputs.length > 1 ? item.outputs.length : 0;
  return (
    <div
      className={cn(OUTER, className)}
      title={item.status === "failed" ? (item.error ?? undefined) : undefined}
    >
      {pending ? (
        <div data-testid="generation-tile" data-status={item.status} className="size-full">
          <span className="sr-only">{label}</span>
          <TileMedia item={item} />
        </div>
      ) : (
        <Link
          href={`/result/${item.id}`}
          data-testid="generation-tile"
          data-status={item.status}
          aria-label={label}
          className="block size-full outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60 focus-visible:ring-inset"
        >
          <TileMedia item={item} />
        </Link>
      )}
      <StatusChip status={item.status} className="pointer-events-none absolute top-2 left-2" />
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
