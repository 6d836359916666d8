"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { announceNewGeneration } from "@/components/live/tab-broadcast";
import { ApiError, fetchJson } from "@/components/providers/fetch-json";
import { useCurrentSession } from "@/components/sessions/current-session";
import { useGenerations } from "@/contexts/generations-context";
import { useUser } from "@/contexts/user-context";
import type { LiteModel } from "@/lib/models-lite";

type CreateVars = {
  model: LiteModel;
  input: Record<string, unknown>;
  parentId?: string;
  variations?: number;
};
type Created = { id: string; status: string; ids?: string[]; session_id: string | null };

/**
 * POST /api/generations/create. The job (each variation) shows as queued in the recent list
 * before the server answers; it gets its real id on 202 and disappears again if the server
 * refuses it.
 */
export function useCreateGeneration() {
  const { addOptimistic, resolveOptimistic, removeOptimistic, invalidate } = useGenerations();
  const router = useRouter();
  const userId = useUser()?.id ?? null;
  // Works in the current session; none (or one that is gone): the server starts one.
  const post = ({ model, input, parentId, variations = 1 }: CreateVars, sessionId: string | null) =>
    fetchJson<Created>("/api/generations/create", {
      method: "POST",
      json: {
        model: model.id,
        input,
        ...(parentId && { parent_generation_id: parentId }),
        ...(sessionId && { session_id: sessionId }),
        ...(variations > 1 && { variations }),
      },
    });
  return useMutation({
    mutationFn: async (vars: CreateVars) => {
      const current = useCurrentSession.getState();
      const sessionId = current.owner === userId ? current.id : null;
      try {
        return await post(vars, sessionId);
      } catch (error) {
        if (!(error instanceof ApiError && error.field === "session_id")) throw error;
        return post(vars, null);
      }
    },
    onMutate: async ({ model, input, variations = 1 }: CreateVars) => {
      const pendingIds: string[] = [];
      for (let i = 0; i < variations; i++)
        pendingIds.push(
          await addOptimistic({
            model: model.id,
            provider: model.provider,
            kind: model.kind,
            status: "queued",
            prompt: typeof input.prompt === "string" ? input.prompt : null,
            error: null,
            outputs: [],
            created_at: new Date().toISOString(),
            completed_at: null,
            starred: false,
            tags: [],
            session_id: null,
            trashed_at: null,
          }),
        );
      return { pendingIds };
    },
    onSuccess: (created, _vars, context) => {
      const ids = created.ids ?? [created.id];
      context.pendingIds.forEach((pendingId, i) => {
        const id = ids[i];
        if (id) resolveOptimistic(pendingId, id, created.status);
        else removeOptimistic(pendingId);
      });
      announceNewGeneration();
      if (created.session_id) useCurrentSession.getState().choose(created.session_id, userId);
      // Credits were reserved: let the server components (header balance) re-render.
      router.refresh();
    },
    onError: (_error, _vars, context) => {
      for (const pendingId of context?.pendingIds ?? []) removeOptimistic(pendingId);
    },
    onSettled: () => void invalidate(),
  });
}
