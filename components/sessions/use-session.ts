"use client";

import { useQuery } from "@tanstack/react-query";
import type { Generation } from "@/components/generations/types";
import { fetchJson } from "@/components/providers/fetch-json";
import { ACTIVE_POLL_MS } from "@/contexts/generations-context";
import { type Session, sessionKeys } from "./use-sessions";

export type SessionGeneration = Generation & {
  input: Record<string, unknown>;
  cost: number;
  duration_seconds: number | null;
  parent_generation_id: string | null;
};
export type SessionEdge = { from: string; to: string; slot: string };
export type SessionDetail = Session & { generations: SessionGeneration[]; edges: SessionEdge[] };

const IDLE_POLL_MS = 30_000;

/** One session with its generations and edges; polled quickly while anything in it runs. */
export function useSession(id: string, initial?: SessionDetail) {
  return useQuery({
    queryKey: sessionKeys.detail(id),
    queryFn: ({ signal }) => fetchJson<SessionDetail>(`/api/sessions/${id}`, { signal }),
    initialData: initial,
    refetchInterval: (q) =>
      q.state.data?.generations.some((g) => g.status === "queued" || g.status === "processing")
        ? ACTIVE_POLL_MS
        : IDLE_POLL_MS,
  });
}
