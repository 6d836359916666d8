"use client";

import { useInfiniteQuery, useQueries, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import { pollInterval, useGenerations } from "@/contexts/generations-context";
import { useLiveConnected } from "@/contexts/live-context";
import { fetchWithEtag } from "./fetch-with-etag";
import { matchesFilters, mergeWithHead } from "./merge-lists";
import { generationKeys, listUrl } from "./query-keys";
import { compareNewestFirst, type GenerationPage, type KindFilter, type StatusFilter } from "./types";

const PAGE_SIZE = 60;
const EMPTY: GenerationPage["items"] = [];

/**
 * The history grid's items for a filter. Pages load on demand and are never refetched as a
 * whole; the polled recent list (generations context) keeps statuses fresh and adds new jobs.
 * "Active" is queued + processing: two small unpaginated lists (at most 5 jobs are active).
 */
export function useHistoryItems(kind: KindFilter, status: StatusFilter) {
  const client = useQueryClient();
  const head = useGenerations().items;
  const live = useLiveConnected();
  const activeMode = status === "active";
  const apiStatus = status === "all" || status === "active" ? "all" : status;

  const pages = useInfiniteQuery({
    queryKey: generationKeys.history(kind, apiStatus),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<GenerationPage>(listUrl({ limit: PAGE_SIZE, kind, status: apiStatus, cursor: pageParam }), {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    enabled: !activeMode,
    // Freshness comes from the polled head; refetching every loaded page would not scale.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

  const active = useQueries({
    queries: (["queued", "processing"] as const).map((s) => ({
      queryKey: generationKeys.status(s, kind),
      // Polled like the head, through the same ETag path: unchanged, a poll is a 304.
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchWithEtag<GenerationPage>(
          listUrl({ limit: 100, kind, status: s }),
          client.getQueryData(generationKeys.status(s, kind)),
          signal,
        ),
      enabled: activeMode,
      refetchInterval: (q: { state: { data?: GenerationPage } }) => pollInterval(q.state.data?.items, live),
      refetchIntervalInBackground: true,
    })),
  });

  const activeQueued = active[0]?.data?.items ?? EMPTY;
  const activeProcessing = active[1]?.data?.items ?? EMPTY;
  const items = useMemo(() => {
    const matches = (item: Parameters<typeof matchesFilters>[0]) => matchesFilters(item, kind, status);
    if (activeMode) {
      return mergeWithHead(
        [...activeQueued, ...activeProcessing].sort(compareNewestFirst),
        head,
        matches,
        true,
      );
    }
    const loaded = pages.data?.pages.flatMap((page) => page.items) ?? EMPTY;
    return mergeWithHead(loaded, head, matches, pages.data !== undefined && !pages.hasNextPage);
  }, [activeMode, activeQueued, activeProcessing, pages.data, pages.hasNextPage, head, kind, status]);

  const loading = activeMode ? active.some((q) => q.isPending) : pages.isPending;
  const error = activeMode ? (active.find((q) => q.error)?.error ?? null) : pages.error;
  return {
    items,
    isLoading: loading,
    error,
    pageCount: pages.data?.pages.length ?? 0,
    hasNextPage: !activeMode && pages.hasNextPage,
    isFetchingNextPage: pages.isFetchingNextPage,
    fetchNextPage: () => {
      if (!pages.isFetchingNextPage && pages.hasNextPage) void pages.fetchNextPage();
    },
  };
}
