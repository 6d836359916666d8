"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { generationKeys } from "@/components/generations/query-keys";
import { fetchJson } from "@/components/providers/fetch-json";
import { galleryKeys } from "./use-gallery-items";

export type BulkAction = "star" | "unstar" | "tag" | "untag" | "move" | "delete" | "restore";
export type BulkVars = { action: BulkAction; ids: string[]; tag?: string; session?: string | null };
export type BulkResult = { done: number; skipped: number; expired?: number };

const PAST: Record<BulkAction, string> = {
  star: "Starred",
  unstar: "Unstarred",
  tag: "Tagged",
  untag: "Untagged",
  move: "Moved",
  delete: "Moved to the trash:",
  restore: "Restored",
};

/** What people read after an action: how many it changed and why some were left alone. */
export function describeBulkResult(vars: BulkVars, result: BulkResult): string {
  const noun = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "item" : "items"}`;
  let text = `${PAST[vars.action]} ${noun(result.done)}.`;
  if (result.expired)
    text += ` ${noun(result.expired)} stayed in the trash past its time and can no longer be restored.`;
  const other = result.skipped - (result.expired ?? 0);
  if (other > 0)
    text +=
      vars.action === "delete"
        ? ` ${noun(other)} left as they were (still running, or already in the trash).`
        : ` ${noun(other)} left as they were.`;
  return text;
}

/** POST /api/generations/bulk, then everything that may show the items is fetched again. */
export function useBulkAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (vars: BulkVars) =>
      fetchJson<BulkResult>("/api/generations/bulk", { method: "POST", json: vars }),
    onSettled: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: galleryKeys.all }),
        client.invalidateQueries({ queryKey: ["sessions"] }),
        // The polled lists, the history pages and every result page's detail and lineage.
        client.invalidateQueries({ queryKey: generationKeys.all }),
      ]);
    },
  });
}
