"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { fetchJson } from "@/components/providers/fetch-json";
import { useGenerations } from "@/contexts/generations-context";
import type { LiteModel } from "@/lib/models-lite";

type CreateVars = {
  model: LiteModel;
  input: Record<string, unknown>;
  parentId?: string;
  variations?: number;
};
type Created = { id: string; status: string; ids?: string[] };

/**
 * POST /api/generations/create. The job (each variation) shows as queued in the recent list
 * before the server answers; it gets its real id on 202 and disappears again if the server
 * refuses it.
 */
export function useCreateGeneration() {
  const { addOptimistic, resolveOptimistic, removeOptimistic, invalidate } = useGenerations();
  const router = useRouter();
  return useMutation({
    mutationFn: ({ model, input, parentId, variations = 1 }: CreateVars) =>
      fetchJson<Created>("/api/generations/create", {
        method: "POST",
        json: {
          model: model.id,
          input,
          ...(parentId && { parent_generation_id: parentId }),
          ...(variations > 1 && { variations }),
        },
      }),
    onMutate: async ({ model, input, variations = 1 }: CreateVars) => {
      const pending = Array.from({ length: variations }, () => ({
        model: model.id,
        provider: model.provider,
        kind: model.kind,
        status: "queued" as const,
        prompt: typeof input.prompt === "string" ? input.prompt : null,
        error: null,
        outputs: [],
        created_at: new Date().toISOString(),
        completed_at: null,
      }));
      const pendingIds: string[] = [];
      for (const item of pending) pendingIds.push(await addOptimistic(item));
      return { pendingIds };
    },
    onSuccess: (created, _vars, context) => {
      const ids = created.ids ?? [created.id];
      context.pendingIds.forEach((pendingId, i) => {
        const id = ids[i];
        if (id) resolveOptimistic(pendingId, id, created.status);
        else removeOptimistic(pendingId);
      });
      // Credits were reserved: let the server components (header balance) re-render.
      router.refresh();
    },
    onError: (_error, _vars, context) => {
      for (const pendingId of context?.pendingIds ?? []) removeOptimistic(pendingId);
    },
    onSettled: () => void invalidate(),
  });
}
