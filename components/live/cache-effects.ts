// What a live event does to the browser's caches, as data (tested without React), and the one
// function that applies it. A changed generation refetches the lists through their ETag path
// (a 304 when nothing shown changed) and its result page; a balance is set as it arrives.
import type { QueryClient } from "@tanstack/react-query";
import { removeGeneration } from "@/components/generations/cache-updates";
import { generationKeys } from "@/components/generations/query-keys";
import { type Me, meKey } from "@/contexts/me-query";
import type { LiveEvent } from "@/lib/live/types";
import { refreshCoalesced } from "./refresh-coalesced";

export type CacheEffect =
  | { action: "invalidate"; queryKey: readonly unknown[]; exact?: boolean }
  | { action: "remove-generation"; id: string }
  | { action: "set-credits"; credits: number };

/** The polled heads of the list (every kind) and the unpaginated active lists. */
const RECENT = ["generations", "recent"] as const;
const BY_STATUS = ["generations", "status"] as const;
const DETAILS = ["generations", "detail"] as const;
/** Flow pages keep their queries under this prefix (components/flows/api.ts, flowKeys). */
const FLOWS = ["flows"] as const;

const invalidate = (queryKey: readonly unknown[], exact?: boolean): CacheEffect =>
  exact ? { action: "invalidate", queryKey, exact } : { action: "invalidate", queryKey };

export function cacheEffectsOf(event: LiveEvent): CacheEffect[] {
  switch (event.type) {
    case "generation":
      if (event.deleted)
        return [{ action: "remove-generation", id: event.id }, invalidate(RECENT), invalidate(BY_STATUS)];
      return [invalidate(RECENT), invalidate(BY_STATUS), invalidate(generationKeys.detail(event.id), true)];
    case "credits":
      return event.credits === null
        ? [invalidate(meKey, true)]
        : [{ action: "set-credits", credits: event.credits }];
    case "flow_run":
      // The run itself (the editor's and the simple form's live view), the flow's run history
      // and the list's last status; never the flow's graph, which a run does not change.
      return [
        invalidate([...FLOWS, "run", event.flow_id, event.id], true),
        invalidate([...FLOWS, "runs", event.flow_id], true),
        invalidate([...FLOWS, "list"], true),
      ];
    case "resync":
      return [
        invalidate(RECENT),
        invalidate(BY_STATUS),
        invalidate(DETAILS),
        invalidate(meKey, true),
        invalidate(FLOWS),
      ];
  }
}

export function applyCacheEffects(client: QueryClient, effects: readonly CacheEffect[]): void {
  for (const effect of effects) {
    if (effect.action === "invalidate")
      refreshCoalesced(client, { queryKey: effect.queryKey, exact: effect.exact ?? false });
    else if (effect.action === "remove-generation") removeGeneration(client, effect.id);
    else client.setQueryData<Me>(meKey, (me) => ({ ...me, credits: effect.credits }));
  }
}
