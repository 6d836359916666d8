// Named edits of the cached generation lists, so an action shows at once everywhere it is
// visible (recent strip, history grid, result page) without refetching every page.
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { generationKeys } from "./query-keys";
import type { Generation, GenerationDetail, GenerationPage } from "./types";

type Page = GenerationPage;
type Pages = InfiniteData<GenerationPage>;

function isPages(data: unknown): data is Pages {
  return typeof data === "object" && data !== null && "pages" in data;
}
function isPage(data: unknown): data is Page {
  return typeof data === "object" && data !== null && "items" in data;
}

function mapItems(data: unknown, fn: (items: Generation[]) => Generation[]): unknown {
  if (isPages(data))
    return { ...data, pages: data.pages.map((page) => ({ ...page, items: fn(page.items) })) };
  if (isPage(data)) return { ...data, items: fn(data.items) };
  return data;
}

/**
 * Show a job as queued in every recent list it belongs to, before the server has answered.
 * `shown` is the list on screen: it gets the job even if its first load has not finished.
 */
export function insertPending(
  client: QueryClient,
  item: Generation,
  shown: "all" | Generation["kind"],
): void {
  for (const kind of ["all", item.kind] as const) {
    client.setQueryData<Page>(generationKeys.recent(kind), (data) => {
      if (data) return { ...data, items: [item, ...data.items] };
      return kind === shown ? { items: [item], next_cursor: null } : data;
    });
  }
}

/**
 * The server accepted the job: give the placeholder its real id and status. A list that already
 * holds the real row (a refetch, e.g. on a live event, landed before the create call answered)
 * just drops the placeholder, so the job is never shown twice.
 */
export function resolvePending(client: QueryClient, pendingId: string, id: string, status: string): void {
  client.setQueriesData({ queryKey: generationKeys.all }, (data: unknown) =>
    mapItems(data, (items) =>
      items.some((item) => item.id === id)
        ? items.filter((item) => item.id !== pendingId)
        : items.map((item) =>
            item.id === pendingId ? { ...item, id, status: status as Generation["status"] } : item,
          ),
    ),
  );
}

export function removeGeneration(client: QueryClient, id: string): void {
  client.setQueriesData({ queryKey: generationKeys.all }, (data: unknown) =>
    mapItems(data, (items) =>
      items.some((item) => item.id === id) ? items.filter((i) => i.id !== id) : items,
    ),
  );
  client.removeQueries({ queryKey: generationKeys.detail(id), exact: true });
}

export function patchGeneration(client: QueryClient, id: string, patch: Partial<Generation>): void {
  client.setQueriesData({ queryKey: generationKeys.all }, (data: unknown) => {
    if (data && typeof data === "object" && "input" in data && (data as GenerationDetail).id === id)
      return { ...(data as GenerationDetail), ...patch };
    return mapItems(data, (items) =>
      items.some((item) => item.id === id)
        ? items.map((item) => (item.id === id ? { ...item, ...patch } : item))
        : items,
    );
  });
}

/** Refetch the polled heads now (cheap: one page each, usually a 304). */
export function refreshRecent(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: ["generations", "recent"] });
}
