// The signed-in user's own figures that change while a page is open (the credit balance), as a
// React Query entry: seeded from the server render, refreshed by live events and router.refresh().
import { fetchJson } from "@/components/providers/fetch-json";

export type Me = { credits: number };

export const meKey = ["me"] as const;

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return fetchJson<Me>("/api/me", { signal });
}
