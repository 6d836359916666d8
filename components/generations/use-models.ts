"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/providers/fetch-json";
import { modelsForTool, type Tool } from "@/lib/models/tools";
import type { ModelKind } from "@/lib/models/types";
import type { LiteModel } from "@/lib/models-lite";
import { modelsKey } from "./query-keys";

const fetchModels = ({ signal }: { signal: AbortSignal }) =>
  fetchJson<LiteModel[]>("/api/models", { signal });

/** The enabled catalog from GET /api/models; it changes rarely, so it is kept for 5 minutes. */
export function useModels(kind?: ModelKind) {
  return useQuery({
    queryKey: modelsKey,
    queryFn: fetchModels,
    staleTime: 5 * 60_000,
    select: kind ? (models: LiteModel[]) => models.filter((model) => model.kind === kind) : undefined,
  });
}

/** The enabled models serving `tool`, from the same cached catalog. */
export function useToolModels(tool: Tool) {
  return useQuery({
    queryKey: modelsKey,
    queryFn: fetchModels,
    staleTime: 5 * 60_000,
    select: (models: LiteModel[]) => modelsForTool(models, tool),
  });
}
