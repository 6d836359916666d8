// Every React Query key for generations, so invalidation can target exactly what it means.
import type { ModelKind } from "@/lib/models/types";
import type { GenerationStatus, KindFilter } from "./types";

export const generationKeys = {
  all: ["generations"] as const,
  /** The polled head of the list (newest first), per kind. */
  recent: (kind: ModelKind | "all") => ["generations", "recent", kind] as const,
  /** One status, unpaginated (at most 5 jobs are active, so one page holds them). */
  status: (status: GenerationStatus, kind: KindFilter) => ["generations", "status", status, kind] as const,
  /** The history grid's pages, not polled. */
  history: (kind: KindFilter, status: GenerationStatus | "all") =>
    ["generations", "history", kind, status] as const,
  detail: (id: string) => ["generations", "detail", id] as const,
};

export const modelsKey = ["models"] as const;

export function listUrl(params: {
  limit: number;
  kind?: KindFilter;
  status?: GenerationStatus | "all";
  cursor?: string | null;
}): string {
  const search = new URLSearchParams({ limit: String(params.limit) });
  if (params.kind && params.kind !== "all") search.set("kind", params.kind);
  if (params.status && params.status !== "all") search.set("status", params.status);
  if (params.cursor) search.set("cursor", params.cursor);
  return `/api/generations/list?${search}`;
}
