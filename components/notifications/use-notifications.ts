"use client";

import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/providers/fetch-json";

export type NotificationItem = {
  id: string;
  kind: "generation_completed" | "generation_failed" | "credits_requested";
  title: string;
  body: string;
  generation_id: string | null;
  read_at: string | null;
  created_at: string;
};

export type NotificationList = { items: NotificationItem[]; unread_count: number };

export const notificationsKey = ["notifications"] as const;

/** Polled every 30 s while the tab is visible; the bell's badge and list both read it. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => fetchJson<NotificationList>("/api/notifications", { signal }),
    refetchInterval: 30_000,
    staleTime: 15_000,
  });
}

/** Marks the given notifications (or all, without ids) as read; the badge drops at once. */
export function useMarkNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      fetchJson<{ updated: number }>("/api/notifications/read", {
        method: "POST",
        json: ids ? { ids } : {},
      }),
    onMutate: async (ids) => {
      await client.cancelQueries({ queryKey: notificationsKey });
      const previous = client.getQueryData<NotificationList>(notificationsKey);
      markReadInCache(client, ids);
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) client.setQueryData(notificationsKey, context.previous);
    },
    onSettled: () => client.invalidateQueries({ queryKey: notificationsKey }),
  });
}

function markReadInCache(client: QueryClient, ids?: string[]): void {
  const now = new Date().toISOString();
  client.setQueryData<NotificationList>(notificationsKey, (data) => {
    if (!data) return data;
    const wanted = ids ? new Set(ids) : null;
    let changed = 0;
    const items = data.items.map((item) => {
      if (item.read_at || (wanted && !wanted.has(item.id))) return item;
      changed++;
      return { ...item, read_at: now };
    });
    const unread_count = wanted ? Math.max(0, data.unread_count - changed) : 0;
    return { items, unread_count };
  });
}
