"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/providers/fetch-json";

export function useTags() {
  return useQuery({
    queryKey: ["gallery", "tags"],
    queryFn: ({ signal }) =>
      fetchJson<{ tags: { tag: string; count: number }[] }>("/api/generations/tags", { signal }),
    staleTime: 30_000,
  });
}
