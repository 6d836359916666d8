"use client";
// Runs a tool: POST /api/generations/create (one or more variations), then follows each
// generation until it ends, so a tool page can show its result and receipt in place.
import { useMutation, useQueries, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { generationKeys } from "@/components/generations/query-keys";
import { type GenerationDetail, isActive } from "@/components/generations/types";
import { fetchJson } from "@/components/providers/fetch-json";
import { ACTIVE_POLL_MS } from "@/contexts/generations-context";

export type ToolRunArgs = {
  model: string;
  input: Record<string, unknown>;
  parentId?: string | null;
  variations?: number;
};

type Created = { id: string; status: string; ids: string[] };

export function useToolRun() {
  const [ids, setIds] = useState<string[]>([]);
  const client = useQueryClient();
  const router = useRouter();
  const create = useMutation({
    mutationFn: ({ model, input, parentId, variations }: ToolRunArgs) =>
      fetchJson<Created>("/api/generations/create", {
        method: "POST",
        json: {
          model,
          input,
          ...(parentId && { parent_generation_id: parentId }),
          ...(variations && variations > 1 && { variations }),
        },
      }),
    onSuccess: (created) => {
      setIds(created.ids ?? [created.id]);
      void client.invalidateQueries({ queryKey: generationKeys.all });
      // Credits were reserved: the header balance is a server component.
      router.refresh();
    },
  });
  const details = useQueries({
    queries: ids.map((id) => ({
      queryKey: generationKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchJson<GenerationDetail>(`/api/generations/${id}`, { signal }),
      refetchInterval: (q: { state: { data?: GenerationDetail } }) =>
        !q.state.data || isActive(q.state.data.status) ? ACTIVE_POLL_MS : false,
    })),
  });
  const items = details.flatMap((q) => (q.data ? [q.data] : []));
  const running = ids.length > 0 && (items.length < ids.length || items.some((i) => isActive(i.status)));
  return {
    start: (args: ToolRunArgs) => {
      setIds([]);
      create.mutate(args);
    },
    reset: () => {
      setIds([]);
      create.reset();
    },
    ids,
    items,
    error: create.error,
    pending: create.isPending,
    running,
  };
}
