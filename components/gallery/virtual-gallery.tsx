"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Generation } from "@/components/generations/types";
import { GalleryTile } from "./gallery-tile";
import { useGridMetrics } from "./use-columns";

/**
 * Rows kept mounted beyond the viewport on each side. Rows are rendered as the scroll moves
 * (synchronously, in the scroll event), so two are margin enough; each more is six tiles more
 * for the browser to carry through every frame.
 */
const OVERSCAN_ROWS = 2;
/** Load the next page when the last loaded row is this close. */
const PREFETCH_ROWS = 6;

/**
 * The gallery as a window-scrolled grid in which only the rows near the viewport are mounted,
 * so 10,000 items cost what a screenful does. Rows are squares of equal height, so nothing is
 * measured while scrolling.
 */
export function VirtualGallery({
  items,
  selected,
  highlight,
  hasNextPage,
  onNeedMore,
  onSelect,
  onStar,
  onCancel,
}: {
  items: Generation[];
  selected: ReadonlySet<string>;
  highlight: string;
  hasNextPage: boolean;
  onNeedMore: () => void;
  onSelect: (id: string, range: boolean) => void;
  onStar: (id: string, starred: boolean) => void;
  onCancel: (id: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const { columns, gap, tile } = useGridMetrics(container);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    setOffset(container.current?.offsetTop ?? 0);
  }, []);
  const rowCount = Math.ceil(items.length / columns);
  const virtualizer = useWindowVirtualizer({
    count: rowCount,
    estimateSize: () => tile + gap,
    overscan: OVERSCAN_ROWS,
    scrollMargin: offset,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: rows are re-measured when the tile size changes.
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, tile, gap]);
  const rows = virtualizer.getVirtualItems();
  const lastRow = rows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasNextPage && lastRow >= rowCount - PREFETCH_ROWS) onNeedMore();
  }, [hasNextPage, lastRow, rowCount, onNeedMore]);

  // A located item is scrolled into view once it has loaded.
  const highlightIndex = useMemo(() => items.findIndex((item) => item.id === highlight), [items, highlight]);
  const scrolledTo = useRef("");
  useEffect(() => {
    if (highlightIndex < 0 || scrolledTo.current === highlight) return;
    scrolledTo.current = highlight;
    virtualizer.scrollToIndex(Math.floor(highlightIndex / columns), { align: "center" });
  }, [highlightIndex, highlight, columns, virtualizer]);

  const selecting = selected.size > 0;
  return (
    <div ref={container} className="w-full">
      <ul
        aria-label="Generations"
        data-testid="gallery-grid"
        className="relative w-full"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {rows.map((row) => (
          <li
            key={row.key}
            className="absolute top-0 left-0 grid w-full"
            style={{
              transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
              gap,
              height: tile,
            }}
          >
            {items.slice(row.index * columns, row.index * columns + columns).map((item) => (
              <GalleryTile
                key={item.id}
                item={item}
                selected={selected.has(item.id)}
                selecting={selecting}
                highlighted={item.id === highlight}
                onSelect={onSelect}
                onStar={onStar}
                onCancel={onCancel}
              />
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
