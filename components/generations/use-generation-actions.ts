"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { fetchJson } from "@/components/providers/fetch-json";
import { patchGeneration, refreshRecent, removeGeneration } from "./cache-updates";
import { generationKeys } from "./query-keys";
import type { GenerationDetail, GenerationStatus } from "./types";

/** POST /api/generations/[id]/cancel; the job turns canceled everywhere it is shown. */
export function useCancelGeneration() {
  const client = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<{ id: string; status: GenerationStatus }>(`/api/generations/${id}/cancel`, {
        method: "POST",
      }),
    onSuccess: ({ id, status }) => {
      patchGeneration(client, id, { status });
      // The refund shows in the header balance.
      router.refresh();
    },
    onSettled: (_data, _error, id) => {
      void refreshRecent(client);
      void client.invalidateQueries({ queryKey: generationKeys.detail(id) });
    },
  });
}

/** DELETE /api/generations/[id]; the tile goes away at once. */
export function useDeleteGeneration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<null>(`/api/generations/${id}`, { method: "DELETE" }),
    onSuccess: (_data, id) => {
      removeGeneration(client, id);
      void refreshRecent(client);
    },
  });
}

/** What a new try of `item` costs now (POST /api/generations/estimate): shown before charging. */
export function useRetryPrice() {
  return useMutation({
    mutationFn: (item: GenerationDetail) =>
      fetchJson<{ credits: number }>("/api/generations/estimate", {
        method: "POST",
        json: { model: item.model, input: item.input },
      }),
  });
}

/**
 * A failed generation tried again: a new generation with the same model and inputs, charged
 * anew, with the failed one as its parent; opens the new one's page.
 */
export function useRetryGeneration() {
  const client = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (item: GenerationDetail) =>
      fetchJson<{ id: string; status: GenerationStatus }>("/api/generations/create", {
        method: "POST",
        json: { model: item.model, input: item.input, parent_generation_id: item.id },
      }),
    onSuccess: ({ id }) => {
      void refreshRecent(client);
      router.push(`/result/${id}`);
      // The charge shows in the header balance.
      router.refresh();
    },
  });
}
