"use client";

// The polled head of the signed-in user's generations: every second while a job is queued or
// processing and the tab is visible, every 30 s otherwise (hidden tabs too), with an ETag so an
// unchanged list costs a 304 (contexts/poll-interval.ts). Finished jobs appear one by one as
// each poll picks them up. While the live channel is up (contexts/live-context.tsx) its events
// trigger the refetches and polling is only the safety net, every 30 s; it is back to the usual
// pace as soon as the channel drops. A job created in another tab is fetched at once.
import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from "react";
import {
  insertPending,
  refreshRecent,
  removeGeneration,
  resolvePending,
} from "@/components/generations/cache-updates";
import { fetchWithEtag } from "@/components/generations/fetch-with-etag";
import { generationKeys, listUrl } from "@/components/generations/query-keys";
import { type Generation, type GenerationPage, isActive, isPending } from "@/components/generations/types";
import { onNewGenerationElsewhere } from "@/components/live/tab-broadcast";
import type { ModelKind } from "@/lib/models/types";
import { useLiveConnected } from "./live-context";
import { pollInterval } from "./poll-interval";

export { ACTIVE_POLL_MS, IDLE_POLL_MS, LIVE_POLL_MS, pollInterval } from "./poll-interval";

const RECENT_LIMIT = 24;

type GenerationsValue = {
  kind: ModelKind | "all";
  /** Newest first; placeholders for jobs being submitted have ids starting with "pending-". */
  items: Generation[];
  hasActive: boolean;
  isLoading: boolean;
  error: Error | null;
  /** Show a job as queued at once; returns its placeholder id. */
  addOptimistic: (item: Omit<Generation, "id">) => Promise<string>;
  resolveOptimistic: (pendingId: string, id: string, status: string) => void;
  removeOptimistic: (pendingId: string) => void;
  /** Poll now, e.g. after a create, cancel or delete. */
  invalidate: () => Promise<void>;
};

const GenerationsContext = createContext<GenerationsValue | null>(null);

async function fetchRecent(client: QueryClient, kind: ModelKind | "all", signal: AbortSignal) {
  const key = generationKeys.recent(kind);
  const cached = client.getQueryData<GenerationPage>(key);
  const fresh = await fetchWithEtag(listUrl({ limit: RECENT_LIMIT, kind }), cached, signal);
  // Placeholders live only in the cache until the create call answers; keep them across polls.
  const pending = client.getQueryData<GenerationPage>(key)?.items.filter((item) => isPending(item.id)) ?? [];
  if (fresh === cached) return client.getQueryData<GenerationPage>(key) ?? fresh;
  if (pending.length === 0) return fresh;
  return { ...fresh, items: [...pending, ...fresh.items] };
}

export function GenerationsProvider({
  kind = "all",
  children,
}: {
  kind?: ModelKind | "all";
  children: ReactNode;
}) {
  const client = useQueryClient();
  const live = useLiveConnected();
  const query = useQuery({
    queryKey: generationKeys.recent(kind),
    queryFn: ({ signal }) => fetchRecent(client, kind, signal),
    refetchInterval: (q) => pollInterval(q.state.data?.items, live),
    // A hidden tab keeps polling, slowly (pollInterval): it is current when it is shown again.
    refetchIntervalInBackground: true,
    staleTime: 2_000,
  });
  useEffect(() => onNewGenerationElsewhere(() => void refreshRecent(client)), [client]);

  const addOptimistic = useCallback(
    async (item: Omit<Generation, "id">) => {
      const id = `pending-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
      // A poll already in flight must not land after the placeholder with an older list.
      await client.cancelQueries({ queryKey: ["generations", "recent"] });
      insertPending(client, { ...item, id }, kind);
      return id;
    },
    [client, kind],
  );
  const resolveOptimistic = useCallback(
    (pendingId: string, id: string, status: string) => resolvePending(client, pendingId, id, status),
    [client],
  );
  const removeOptimistic = useCallback((pendingId: string) => removeGeneration(client, pendingId), [client]);
  const invalidate = useCallback(() => refreshRecent(client), [client]);

  const items = query.data?.items;
  const value = useMemo<GenerationsValue>(
    () => ({
      kind,
      items: items ?? [],
      hasActive: items?.some((item) => isActive(item.status)) ?? false,
      isLoading: query.isPending,
      error: query.error,
      addOptimistic,
      resolveOptimistic,
      removeOptimistic,
      invalidate,
    }),
    [
      kind,
      items,
      query.isPending,
      query.error,
      addOptimistic,
      resolveOptimistic,
      removeOptimistic,
      invalidate,
    ],
  );
  return <GenerationsContext value={value}>{children}</GenerationsContext>;
}

export function useGenerations(): GenerationsValue {
  const value = useContext(GenerationsContext);
  if (!value) throw new Error("useGenerations must be used inside <GenerationsProvider>");
  return value;
}
