"use client";

import { ImagesIcon, LoaderCircleIcon, SparklesIcon } from "lucide-react";
import Link from "next/link";
import { memo } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Skeleton } from "@/components/ui/skeleton";
import { GenerationTile } from "./generation-tile";
import type { Generation, KindFilter, StatusFilter } from "./types";
import { useCancelGeneration } from "./use-generation-actions";
import { useHistoryItems } from "./use-history-items";
import { useInfiniteScroll } from "./use-infinite-scroll";

export const GRID_CLASS =
  "grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-3 md:grid-cols-4 lg:grid-cols-5 xl:grid-cols-6";
const CHUNK = 60;

/** Every generation as a square tile, newest first, loading more as the end comes into view. */
export function HistoryGrid({ kind, status }: { kind: KindFilter; status: StatusFilter }) {
  const history = useHistoryItems(kind, status);
  const cancel = useCancelGeneration();
  const sentinel = useInfiniteScroll(history.fetchNextPage, history.hasNextPage, history.pageCount);

  if (history.isLoading) return <GridSkeleton />;
  if (history.error && history.items.length === 0) return <FormMessage>{history.error.message}</FormMessage>;
  if (history.items.length === 0) return <EmptyState filtered={kind !== "all" || status !== "all"} />;

  const chunks: Generation[][] = [];
  for (let i = 0; i < history.items.length; i += CHUNK) chunks.push(history.items.slice(i, i + CHUNK));
  return (
    <div className="flex flex-col gap-6">
      {cancel.error ? <FormMessage>{cancel.error.message}</FormMessage> : null}
      <ul className={GRID_CLASS} aria-label="Generations">
        {chunks.map((chunk, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: chunks are positions in a stable, ordered list.
          <Chunk key={index} items={chunk} onCancel={cancel.mutate} />
        ))}
      </ul>
      <div ref={sentinel} className="flex justify-center">
        {history.hasNextPage ? (
          <Button variant="outline" onClick={history.fetchNextPage} disabled={history.isFetchingNextPage}>
            {history.isFetchingNextPage ? <LoaderCircleIcon aria-hidden className="animate-spin" /> : null}
            {history.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        ) : (
          <p className="text-muted-foreground text-sm">
            {`That's everything: ${history.items.length.toLocaleString("en-US")} ${history.items.length === 1 ? "generation" : "generations"}.`}
          </p>
        )}
      </div>
    </div>
  );
}

/** A run of tiles that re-renders only when one of its items changed (compared by identity). */
const Chunk = memo(
  function Chunk({ items, onCancel }: { items: Generation[]; onCancel: (id: string) => void }) {
    return items.map((item) => (
      <li key={item.id}>
        <GenerationTile item={item} onCancel={onCancel} />
      </li>
    ));
  },
  (a, b) =>
    a.onCancel === b.onCancel &&
    a.items.length === b.items.length &&
    a.items.every((item, i) => item === b.items[i]),
);

function EmptyState({ filtered }: { filtered: boolean }) {
  return (
    <div className="flex flex-col items-center gap-4 rounded-xl border border-dashed px-6 py-16 text-center">
      <ImagesIcon aria-hidden className="size-8 text-muted-foreground" />
      <div className="flex flex-col gap-1">
        <p className="font-medium">{filtered ? "Nothing matches these filters" : "No generations yet"}</p>
        <p className="text-muted-foreground text-sm">
          {filtered ? "Try another filter, or make something new." : "Everything you make is kept here."}
        </p>
      </div>
      <div className="flex flex-wrap justify-center gap-2">
        {filtered ? (
          <Button asChild variant="outline">
            <Link href="/history">Clear filters</Link>
          </Button>
        ) : null}
        <Button asChild variant="brand">
          <Link href="/create">
            <SparklesIcon /> Create
          </Link>
        </Button>
      </div>
    </div>
  );
}

export function GridSkeleton() {
  return (
    <div className={GRID_CLASS} aria-busy="true">
      {Array.from({ length: 12 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders.
        <Skeleton key={i} className="aspect-square rounded-lg" />
      ))}
    </div>
  );
}
