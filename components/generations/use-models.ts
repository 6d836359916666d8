"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/providers/fetch-json";
import type { ModelKind } from "@/lib/models/types";
import type { LiteModel } from "@/lib/models-lite";
import { modelsKey } from "./query-keys";

/** The enabled catalog from GET /api/models; it changes rarely, so it is kept for 5 minutes. */
export function useModels(kind?: ModelKind) {
  return useQuery({
    queryKey: modelsKey,
    queryFn: ({ signal }) => fetchJson<LiteModel[]>("/api/models", { signal }),
    staleTime: 5 * 60_000,
    select: kind ? (models: LiteModel[]) => models.filter((model) => model.kind === kind) : undefined,
  });
}
