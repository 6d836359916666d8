"use client";

import { RecycleIcon } from "lucide-react";
import { creditsLabel } from "@/components/generations/model-format";
import { cn } from "@/lib/utils";
import { useFlowStore } from "../store/flow-store-context";

/**
 * What running this node costs: the server's estimate when it is current (0 and "reused" when
 * an identical result exists), else the catalog's list price for the node's settings.
 */
export function PriceBadge({ id, listPrice }: { id: string; listPrice: number | null }) {
  const estimate = useFlowStore((s) =>
    s.estimate?.revision === s.revision ? s.estimate.nodes[id] : undefined,
  );
  if (estimate?.reused_from)
    return (
      <span
        className="inline-flex items-center gap-1 rounded-md bg-success/15 px-1.5 py-0.5 font-medium text-success text-xs"
        title="An identical result exists: this node will be reused for free"
      >
        <RecycleIcon aria-hidden className="size-3" />
        Reused
      </span>
    );
  const credits = estimate?.credits ?? listPrice;
  if (credits === null) return null;
  return (
    <span
      data-testid="node-price"
      className={cn(
        "inline-flex items-center rounded-md bg-brand/15 px-1.5 py-0.5 font-medium text-brand text-xs tabular-nums",
      )}
    >
      {estimate ? "" : "~"}
      {creditsLabel(credits)}
    </span>
  );
}
