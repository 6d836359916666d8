"use client";

import { useShallow } from "zustand/react/shallow";
import { useFlowStore } from "../store/flow-store-context";
import { OutputThumb } from "./output-thumb";

/** What reaches an Output node: the results of the nodes wired into it, as they finish. */
export function OutputGallery({ id }: { id: string }) {
  // The run entries themselves (stable objects), so the shallow comparison holds between updates.
  const sources = useFlowStore(
    useShallow((s) => s.edges.filter((edge) => edge.target === id).map((edge) => s.run?.nodes[edge.source])),
  );
  const collected = sources.flatMap((run, i) =>
    run?.generationId && (run.status === "done" || run.status === "reused")
      ? run.outputs.map((output, index) => ({
          key: `${i}-${index}`,
          generationId: run.generationId as string,
          output,
        }))
      : [],
  );
  if (collected.length === 0)
    return <p className="text-muted-foreground text-xs">Results wired here show up after a run.</p>;
  return (
    <div className="grid grid-cols-2 gap-1.5">
      {collected.map((item) => (
        <OutputThumb key={item.key} output={item.output} generationId={item.generationId} />
      ))}
    </div>
  );
}
