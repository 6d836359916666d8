"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { announceNewGeneration } from "@/components/live/tab-broadcast";
import { ApiError, fetchJson } from "@/components/providers/fetch-json";
import { useCurrentSession } from "@/components/sessions/current-session";
import { useGenerations } from "@/contexts/generations-context";
import { useUser } from "@/contexts/user-context";
import type { LiteModel } from "@/lib/models-lite";

type CreateVars = { model: LiteModel; input: Record<string, unknown>; parentId?: string };
type Created = { id: string; status: string; session_id: string | null };

/**
 * POST /api/generations/create. The job shows as queued in the recent list before the server
 * answers; it gets its real id on 202 and disappears again if the server refuses it.
 */
export function useCreateGeneration() {
  const { addOptimistic, resolveOptimistic, removeOptimistic, invalidate } = useGenerations();
  const router = useRouter();
  const userId = useUser()?.id ?? null;
  // Works in the current session; none (or one that is gone): the server starts one.
  const post = (vars: CreateVars, sessionId: string | null) =>
    fetchJson<Created>("/api/generations/create", {
      method: "POST",
      json: {
        model: vars.model.id,
        input: vars.input,
        ...(vars.parentId && { parent_generation_id: vars.parentId }),
        ...(sessionId && { session_id: sessionId }),
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
        starred: false,
        tags: [],
        session_id: null,
        trashed_at: null,
      });
      return { pendingId };
    },
    onSuccess: (created, _vars, context) => {
      resolveOptimistic(context.pendingId, created.id, created.status);
      announceNewGeneration();
      if (created.session_id) useCurrentSession.getState().choose(created.session_id, userId);
      // Credits were reserved: let the server components (header balance) re-render.
      router.refresh();
    },
    onError: (_error, _vars, context) => {
      if (context) removeOptimistic(context.pendingId);
    },
    onSettled: () => void invalidate(),
  });
}
