"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { announceNewGeneration } from "@/components/live/tab-broadcast";
import { fetchJson } from "@/components/providers/fetch-json";
import { useGenerations } from "@/contexts/generations-context";
import type { LiteModel } from "@/lib/models-lite";

type CreateVars = { model: LiteModel; input: Record<string, unknown>; parentId?: string };
type Created = { id: string; status: string };

/**
 * POST /api/generations/create. The job shows as queued in the recent list before the server
 * answers; it gets its real id on 202 and disappears again if the server refuses it.
 */
export function useCreateGeneration() {
  const { addOptimistic, resolveOptimistic, removeOptimistic, invalidate } = useGenerations();
  const router = useRouter();
  return useMutation({
    mutationFn: ({ model, input, parentId }: CreateVars) =>
      fetchJson<Created>("/api/generations/create", {
        method: "POST",
        json: { model: model.id, input, ...(parentId && { parent_generation_id: parentId }) },
      }),
    onMutate: async ({ model, input }: CreateVars) => {
      const pendingId = await addOptimistic({
        model: model.id,
        provider: model.provider,
        kind: model.kind,
        status: "queued",
        prompt: typeof input.prompt === "string" ? input.prompt : null,
        error: null,
        outputs: [],
        created_at: new Date().toISOString(),
        completed_at: null,
      });
      return { pendingId };
    },
    onSuccess: (created, _vars, context) => {
      resolveOptimistic(context.pendingId, created.id, created.status);
      announceNewGeneration();
      // Credits were reserved: let the server components (header balance) re-render.
      router.refresh();
    },
    onError: (_error, _vars, context) => {
      if (context) removeOptimistic(context.pendingId);
    },
    onSettled: () => void invalidate(),
  });
}
