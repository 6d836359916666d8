"use client";

import { type RefObject, useLayoutEffect, useState } from "react";

const MIN_TILE = 150;
const GAP_SMALL = 8;
const GAP = 12;

export type GridMetrics = { columns: number; gap: number; tile: number };

/** Columns that fit the container (2 to 6 tiles of at least 150 px), and the square tile size. */
export function gridMetrics(width: number): GridMetrics {
  const gap = width < 640 ? GAP_SMALL : GAP;
  const columns = Math.min(6, Math.max(2, Math.floor((width + gap) / (MIN_TILE + gap))));
  return { columns, gap, tile: Math.max(1, (width - gap * (columns - 1)) / columns) };
}

export function useGridMetrics(container: RefObject<HTMLElement | null>): GridMetrics {
  const [metrics, setMetrics] = useState<GridMetrics>(() => gridMetrics(1024));
  useLayoutEffect(() => {
    const node = container.current;
    if (!node) return;
    const update = () => setMetrics(gridMetrics(node.clientWidth));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(node);
    return () => observer.disconnect();
  }, [container]);
  return metrics;
}
