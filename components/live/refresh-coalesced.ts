// Refetches what a live event names without starving it. A running job announces its progress
// every half second or so; invalidating a query while its fetch is in flight would cancel that
// fetch and start over, so on a slow connection or a busy server no fetch would ever finish and
// the page would show nothing new until the job went quiet. Instead, a change that arrives
// during a fetch asks for exactly one more fetch once it has finished.
import type { QueryClient, QueryFilters } from "@tanstack/react-query";

const waiting = new WeakMap<QueryClient, Set<string>>();

export function refreshCoalesced(
  client: QueryClient,
  filters: Pick<QueryFilters, "queryKey" | "exact">,
): void {
  if (client.isFetching(filters) === 0) {
    void client.invalidateQueries(filters);
    return;
  }
  const set = waiting.get(client) ?? new Set<string>();
  waiting.set(client, set);
  const key = JSON.stringify([filters.queryKey, filters.exact ?? false]);
  if (set.has(key)) return;
  set.add(key);
  const unsubscribe = client.getQueryCache().subscribe(() => {
    if (client.isFetching(filters) > 0) return;
    unsubscribe();
    set.delete(key);
    void client.invalidateQueries(filters);
  });
}
