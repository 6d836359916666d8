"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { mergeWithHead } from "@/components/generations/merge-lists";
import type { Generation, GenerationPage } from "@/components/generations/types";
import { fetchJson } from "@/components/providers/fetch-json";
import { useGenerations } from "@/contexts/generations-context";
import { filterSearch, type GalleryFilters, matchesGalleryFilters } from "./gallery-filters";

const PAGE_SIZE = 60;
const EMPTY: Generation[] = [];

export const galleryKeys = {
  all: ["gallery"] as const,
  list: (view: string, search: string) => ["gallery", view, search] as const,
};

/**
 * The gallery's items for a filter, page by page on demand. Pages are never refetched as a
 * whole; the polled recent list (generations context) keeps statuses fresh and adds new jobs
 * that match (a text search only refreshes what it already found: matching is the server's).
 */
export function useGalleryItems(filters: GalleryFilters, view: "gallery" | "trash") {
  const head = useGenerations().items;
  const search = filterSearch(filters).toString();
  const pages = useInfiniteQuery({
    queryKey: galleryKeys.list(view, search),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(search);
      params.set("limit", String(PAGE_SIZE));
      if (pageParam) params.set("cursor", pageParam);
      const path = view === "trash" ? "/api/generations/trash" : "/api/generations/list";
      return fetchJson<GenerationPage>(`${path}?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

  const items = useMemo(() => {
    const loaded = pages.data?.pages.flatMap((page) => page.items) ?? EMPTY;
    if (view === "trash") return loaded;
    const found = new Set(loaded.map((item) => item.id));
    const matches = (item: Generation) =>
      matchesGalleryFilters(item, filters) && (!filters.q || found.has(item.id));
    return mergeWithHead(loaded, head, matches, pages.data !== undefined && !pages.hasNextPage);
  }, [pages.data, pages.hasNextPage, head, filters, view]);

  return {
    items,
    isLoading: pages.isPending,
    error: pages.error,
    hasNextPage: pages.hasNextPage,
    isFetchingNextPage: pages.isFetchingNextPage,
    fetchNextPage: () => {
      if (!pages.isFetchingNextPage && pages.hasNextPage) void pages.fetchNextPage();
    },
  };
}
