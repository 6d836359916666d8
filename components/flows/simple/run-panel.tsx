"use client";

import { CircleAlertIcon, CircleCheckIcon, LoaderCircleIcon } from "lucide-react";
import { creditsLabel } from "@/components/generations/model-format";
import type { FlowGraph, RunView } from "@/lib/flows/graph";
import { OutputThumb } from "../nodes/output-thumb";
import { failureOf, progressOf, resultsOf } from "./run-results";

const ENDED = { completed: "Done", failed: "Failed", canceled: "Canceled" } as const;

/** The run's results as they finish, how far it has got, and how it ended with what it cost. */
export function RunPanel({ graph, run }: { graph: Pick<FlowGraph, "nodes" | "edges">; run: RunView | null }) {
  if (!run)
    return (
      <p className="rounded-lg border border-dashed p-6 text-center text-muted-foreground text-sm">
        Results show up here as the run makes them.
      </p>
    );
  const results = resultsOf(graph, run);
  const { ended, total } = progressOf(run);
  const failure = run.status === "failed" ? failureOf(run) : null;
  return (
    <div className="flex flex-col gap-4" data-testid="simple-run" data-status={run.status}>
      <p className="flex items-center gap-2 text-sm" role="status">
        {run.status === "running" ? (
          <LoaderCircleIcon aria-hidden className="size-4 animate-spin text-brand" />
        ) : run.status === "completed" ? (
          <CircleCheckIcon aria-hidden className="size-4 text-success" />
        ) : (
          <CircleAlertIcon aria-hidden className="size-4 text-destructive" />
        )}
        <span className="font-medium">{run.status === "running" ? "Running" : ENDED[run.status]}</span>
        <span className="text-muted-foreground tabular-nums">
          {run.status === "running"
            ? `${ended} of ${total} steps`
            : `${creditsLabel(run.charged_credits)} charged`}
        </span>
      </p>
      {failure ? <p className="text-destructive text-sm">{failure}</p> : null}
      {results.length > 0 ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3" aria-label="Results">
          {results.map((result) => (
            <li key={result.key}>
              <OutputThumb output={result.output} generationId={result.generationId} className="rounded-lg" />
            </li>
          ))}
        </ul>
      ) : run.status === "running" ? (
        <div aria-hidden className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <div className="aspect-square animate-pulse rounded-lg bg-muted" />
        </div>
      ) : null}
    </div>
  );
}
