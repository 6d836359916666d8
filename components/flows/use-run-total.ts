"use client";

import { estimateCredits } from "@/components/generations/model-format";
import { useCatalog } from "./catalog";
import { useFlowStore } from "./store/flow-store-context";

/**
 * What Run will cost: the server's estimate of the saved graph (nodes that will be reused
 * count 0) while it matches what is on screen, else the catalog's list prices, marked as such.
 */
export function useRunTotal(): { credits: number; exact: boolean } {
  const { byId } = useCatalog();
  const exact = useFlowStore((s) =>
    s.estimate && s.estimate.revision === s.revision ? s.estimate.credits : null,
  );
  const listed = useFlowStore((s) => {
    let sum = 0;
    for (const node of s.nodes) {
      if (node.type !== "generate") continue;
      const model = byId.get(node.data.model);
      sum += (model && estimateCredits(model, node.data.params)) ?? 0;
    }
    return sum;
  });
  return exact === null ? { credits: listed, exact: false } : { credits: exact, exact: true };
}
