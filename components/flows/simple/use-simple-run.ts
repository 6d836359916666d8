"use client";
// The simple page's run: started with the flow's inputs through the same route scripts call,
// then followed like the editor follows one (live updates refetch it; polling is the fallback).
// The run's id goes into the address, so a reload or a shared link shows it again.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useLiveConnected } from "@/contexts/live-context";
import type { FlowGraph } from "@/lib/flows/graph";
import { flowKeys, flowsApi } from "../api";
import { RUN_LIVE_POLL_MS, RUN_POLL_MS } from "../use-flow-run";

export const ESTIMATE_DELAY_MS = 400;
/** The results section's id (components/flows/simple/simple-run.tsx). */
export const RESULTS_ID = "simple-results";

export function useSimpleRun(flowId: string, initialRunId: string | null) {
  const client = useQueryClient();
  const live = useLiveConnected();
  const [runId, setRunId] = useState(initialRunId);
  const run = useQuery({
    queryKey: flowKeys.run(flowId, runId ?? ""),
    queryFn: ({ signal }) => flowsApi.getRun(flowId, runId as string, signal),
    enabled: runId !== null,
    refetchInterval: (query) => {
      if (query.state.data && query.state.data.status !== "running") return false;
      return live ? RUN_LIVE_POLL_MS : RUN_POLL_MS;
    },
  });
  const ended = run.data !== undefined && run.data.status !== "running";
  useEffect(() => {
    // What just ran can be reused: the price of the same inputs changes.
    if (ended) void client.invalidateQueries({ queryKey: ["flows", "estimate", flowId] });
  }, [client, ended, flowId]);
  const start = useMutation({
    mutationFn: (inputs: Record<string, unknown>) => flowsApi.runWithInputs(flowId, inputs),
    onSuccess: ({ id }) => {
      setRunId(id);
      window.history.replaceState(null, "", `/flows/${flowId}/run?run=${id}`);
      // On a phone the results sit below the form: bring them into view as they start arriving.
      if (window.matchMedia("(max-width: 1023px)").matches)
        document.getElementById(RESULTS_ID)?.scrollIntoView({ behavior: "smooth", block: "start" });
      void client.invalidateQueries({ queryKey: flowKeys.runs(flowId) });
    },
  });
  return { runId, run, start };
}

/** The price of running `graph` (the flow with the form's values), asked a moment after the last change. */
export function useSimpleEstimate(flowId: string, graph: FlowGraph | null) {
  const wanted = graph ? JSON.stringify(graph) : null;
  const [asked, setAsked] = useState(wanted);
  useEffect(() => {
    const timer = setTimeout(() => setAsked(wanted), ESTIMATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [wanted]);
  return useQuery({
    queryKey: ["flows", "estimate", flowId, asked],
    queryFn: ({ signal }) => flowsApi.estimate(flowId, { graph: JSON.parse(asked as string) }, signal),
    enabled: asked !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
