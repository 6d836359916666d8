"use client";

import { useQuery } from "@tanstack/react-query";
import { Skeleton } from "@/components/ui/skeleton";
import { flowKeys, flowsApi } from "../api";
import { FlowCard } from "./flow-card";
import { StarterChoices } from "./new-flow-dialog";

/** My flows, most recently changed first; with none yet, the starters to begin from. */
export function FlowList() {
  const flows = useQuery({ queryKey: flowKeys.list, queryFn: ({ signal }) => flowsApi.list(signal) });
  if (flows.isPending)
    return (
      <ul aria-busy="true" aria-label="Loading flows" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <li key={i}>
            <Skeleton className="aspect-[16/12] w-full rounded-xl" />
          </li>
        ))}
      </ul>
    );
  if (flows.isError) return <p className="text-destructive">{flows.error.message}</p>;
  if (flows.data.length === 0)
    return (
      <section
        aria-labelledby="flows-empty"
        className="flex flex-col gap-4 rounded-xl border border-dashed p-5 sm:p-8"
      >
        <div className="flex flex-col gap-1">
          <h2 id="flows-empty" className="font-semibold text-lg">
            Chain generations into a flow
          </h2>
          <p className="max-w-prose text-muted-foreground text-sm">
            A flow runs one step after another: a prompt into an image, the image into an upscale or a video.
            When you change one step, only what depends on it runs again, and the price shows before you press
            Run.
          </p>
        </div>
        <StarterChoices />
      </section>
    );
  const sorted = [...flows.data].sort((a, b) => (a.updated_at < b.updated_at ? 1 : -1));
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {sorted.map((flow) => (
        <li key={flow.id}>
          <FlowCard flow={flow} />
        </li>
      ))}
    </ul>
  );
}
