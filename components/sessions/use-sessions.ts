"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/providers/fetch-json";
import type { Wire } from "@/lib/api/wire";
import type { PublicSession } from "@/lib/sessions/list-sessions";

export type Session = Wire<PublicSession>;
export type SessionPage = { items: Session[]; next_offset: number | null };

export const sessionKeys = {
  all: ["sessions"] as const,
  list: (search: string) => ["sessions", "list", search] as const,
  detail: (id: string) => ["sessions", "detail", id] as const,
};

/** The sessions list for a query string of GET /api/sessions (recent first by default). */
export function useSessions(search = "limit=200") {
  return useQuery({
    queryKey: sessionKeys.list(search),
    queryFn: ({ signal }) => fetchJson<SessionPage>(`/api/sessions?${search}`, { signal }),
    staleTime: 30_000,
  });
}
