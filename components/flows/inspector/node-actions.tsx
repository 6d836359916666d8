"use client";

import { DicesIcon, PlayIcon, RotateCwIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useFlowStore } from "../store/flow-store-context";

/** What can be done to one node: run up to it, run it again regardless, a new seed, delete it. */
export function NodeActions({
  id,
  runnable,
  seeded,
  onRun,
  onNewSeed,
}: {
  id: string;
  runnable: boolean;
  seeded: boolean;
  onRun: (request: { targets: string[]; force?: string[] }) => void;
  onNewSeed: () => void;
}) {
  const readOnly = useFlowStore((s) => s.readOnly);
  const running = useFlowStore((s) => s.run?.status === "running");
  const remove = useFlowStore((s) => s.deleteSelected);
  if (readOnly) return null;
  return (
    <div className="grid grid-cols-2 gap-2">
      {runnable ? (
        <>
          <Button variant="outline" size="sm" disabled={running} onClick={() => onRun({ targets: [id] })}>
            <PlayIcon aria-hidden />
            Run to here
          </Button>
          <Button
            variant="outline"
            size="sm"
            disabled={running}
            onClick={() => onRun({ targets: [id], force: [id] })}
            title="Run this node again even if an identical result exists"
          >
            <RotateCwIcon aria-hidden />
            Force re-run
          </Button>
        </>
      ) : null}
      {seeded ? (
        <Button
          variant="outline"
          size="sm"
          onClick={onNewSeed}
          title="A new random seed: the next run makes a new result"
        >
          <DicesIcon aria-hidden />
          New seed
        </Button>
      ) : null}
      <Button
        variant="outline"
        size="sm"
        onClick={remove}
        className="text-destructive hover:text-destructive"
      >
        <Trash2Icon aria-hidden />
        Delete
      </Button>
    </div>
  );
}
