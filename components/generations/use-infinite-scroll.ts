"use client";

import { type RefObject, useEffect, useRef } from "react";

/**
 * Calls `onReach` when the sentinel comes within `margin` of the viewport. `version` (e.g. the
 * number of loaded pages) re-arms the observer, so a sentinel still in view loads the next page.
 */
export function useInfiniteScroll(
  onReach: () => void,
  enabled: boolean,
  version: number,
  margin = "800px",
): RefObject<HTMLDivElement | null> {
  const sentinel = useRef<HTMLDivElement | null>(null);
  const latest = useRef(onReach);
  useEffect(() => {
    latest.current = onReach;
  });
  useEffect(() => {
    const node = sentinel.current;
    if (!enabled || !node || typeof IntersectionObserver === "undefined" || version < 0) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) latest.current();
      },
      { rootMargin: margin },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [enabled, margin, version]);
  return sentinel;
}
