"use client";

import { CheckIcon, StarIcon } from "lucide-react";
import { memo } from "react";
import { GenerationTile } from "@/components/generations/generation-tile";
import { type Generation, isActive } from "@/components/generations/types";
import { cn } from "@/lib/utils";

/**
 * A gallery tile: the generation tile with a selection box and a star over it. Memoised on
 * the item and its selected state, so a selection change re-renders only the tiles it touches.
 */
export const GalleryTile = memo(function GalleryTile({
  item,
  selected,
  selecting,
  highlighted,
  onSelect,
  onStar,
  onCancel,
}: {
  item: Generation;
  selected: boolean;
  /** Something is selected: the boxes show on every tile, not only on hover. */
  selecting: boolean;
  highlighted: boolean;
  onSelect: (id: string, range: boolean) => void;
  onStar: (id: string, starred: boolean) => void;
  onCancel?: (id: string) => void;
}) {
  const label = item.prompt ?? item.model;
  return (
    <div
      className={cn(
        "group/tile relative rounded-lg",
        selected && "ring-[3px] ring-brand ring-offset-2 ring-offset-background",
        highlighted && !selected && "ring-[3px] ring-ring ring-offset-2 ring-offset-background",
      )}
      data-selected={selected || undefined}
    >
      <GenerationTile item={item} onCancel={onCancel} virtualized />
      <label
        title="Select (Shift-click for a range)"
        className={cn(
          "absolute bottom-1.5 left-1.5 flex size-8 cursor-pointer items-center justify-center rounded-full border-2 bg-background/90 shadow transition-opacity has-focus-visible:opacity-100 has-focus-visible:ring-[3px] has-focus-visible:ring-ring/60",
          selected ? "border-brand bg-brand text-brand-foreground" : "border-foreground/40 text-transparent",
          selected || selecting
            ? "opacity-100"
            : "opacity-0 group-hover/tile:opacity-100 pointer-coarse:opacity-100",
        )}
      >
        <input
          type="checkbox"
          className="sr-only"
          checked={selected}
          aria-label={`Select: ${label}`}
          onChange={() => {}}
          onClick={(event) => onSelect(item.id, event.shiftKey)}
        />
        {/* Unselected, the mark is transparent: not drawn at all, it costs every tile nothing. */}
        {selected ? <CheckIcon aria-hidden className="size-4" /> : null}
      </label>
      {isActive(item.status) || item.trashed_at ? null : (
        <button
          type="button"
          aria-pressed={item.starred}
          aria-label={item.starred ? `Unstar: ${label}` : `Star: ${label}`}
          title={item.starred ? "Unstar" : "Star"}
          onClick={() => onStar(item.id, !item.starred)}
          className={cn(
            "absolute top-1.5 right-1.5 flex size-8 items-center justify-center rounded-full bg-background/90 shadow outline-none transition-opacity focus-visible:opacity-100 focus-visible:ring-[3px] focus-visible:ring-ring/60",
            item.starred
              ? "text-amber-500 opacity-100"
              : "text-muted-foreground opacity-0 group-hover/tile:opacity-100 pointer-coarse:opacity-100",
          )}
        >
          <StarIcon aria-hidden className={cn("size-4", item.starred && "fill-current")} />
        </button>
      )}
    </div>
  );
});
