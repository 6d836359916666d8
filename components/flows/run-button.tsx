"use client";

import { LoaderCircleIcon, PlayIcon, SquareIcon } from "lucide-react";
import { creditsLabel } from "@/components/generations/model-format";
import { Button } from "@/components/ui/button";
import { useFlowStore } from "./store/flow-store-context";
import { useRunTotal } from "./use-run-total";

/** Run, with what it will cost on the button; while a run is on, its progress and Cancel. */
export function RunButton({
  onRun,
  onCancel,
  starting,
  canceling,
}: {
  onRun: () => void;
  onCancel: () => void;
  starting: boolean;
  canceling: boolean;
}) {
  const total = useRunTotal();
  const running = useFlowStore((s) => s.run?.status === "running");
  const progress = useFlowStore((s) => {
    const nodes = Object.values(s.run?.nodes ?? {});
    const ended = nodes.filter((n) => n.status !== "queued" && n.status !== "running").length;
    return `${ended}/${nodes.length}`;
  });
  const empty = useFlowStore((s) => s.nodes.length === 0);
  if (running)
    return (
      <div className="flex items-center gap-2">
        <span className="flex items-center gap-1.5 text-muted-foreground text-xs tabular-nums" role="status">
          <LoaderCircleIcon aria-hidden className="size-3.5 animate-spin text-brand" />
          <span>
            Running <span className="max-sm:hidden">· {progress} nodes</span>
          </span>
        </span>
        <Button variant="outline" size="sm" onClick={onCancel} disabled={canceling}>
          <SquareIcon aria-hidden className="size-3 fill-current" />
          Cancel
        </Button>
      </div>
    );
  const price = `${total.exact ? "" : "~"}${creditsLabel(total.credits)}`;
  return (
    <Button
      variant="brand"
      size="sm"
      onClick={onRun}
      disabled={starting || empty}
      data-testid="run-button"
      aria-label={`Run the flow for ${total.exact ? "" : "about "}${creditsLabel(total.credits)}`}
      title={
        total.exact
          ? "Nodes that will be reused cost nothing"
          : "List prices; the exact figure follows the next save"
      }
    >
      {starting ? (
        <LoaderCircleIcon aria-hidden className="animate-spin" />
      ) : (
        <PlayIcon aria-hidden className="fill-current" />
      )}
      Run
      <span className="rounded bg-brand-foreground/15 px-1.5 py-0.5 font-semibold text-xs tabular-nums">
        {price}
      </span>
    </Button>
  );
}
