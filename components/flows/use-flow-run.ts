"use client";
// Starting, watching and canceling a run. The run executes on the server; the tab refetches it
// when the live channel says it changed (components/live/cache-effects.ts), or every second
// while it runs when there is no live channel, and paints each node's state from the answer.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiError } from "@/components/providers/fetch-json";
import { useLiveConnected } from "@/contexts/live-context";
import { flowKeys, flowsApi, type RunRequest } from "./api";
import { useFlowStoreApi } from "./store/flow-store-context";
import { isRunning, toRunView } from "./store/run-view";

export const RUN_POLL_MS = 1000;
/** With live updates on, polling is only the safety net for a missed event. */
export const RUN_LIVE_POLL_MS = 15_000;

export function useFlowRun(flowId: string, flush: () => Promise<boolean>, initialRunId: string | null) {
  const store = useFlowStoreApi();
  const client = useQueryClient();
  const [runId, setRunId] = useState<string | null>(initialRunId);
  const live = useLiveConnected();

  const run = useQuery({
    queryKey: flowKeys.run(flowId, runId ?? ""),
    queryFn: ({ signal }) => flowsApi.getRun(flowId, runId as string, signal),
    enabled: runId !== null,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (data && !isRunning(toRunView(data))) return false;
      return live ? RUN_LIVE_POLL_MS : RUN_POLL_MS;
    },
  });

  useEffect(() => {
    if (!run.data) return;
    const view = toRunView(run.data);
    const before = store.getState().run;
    store.getState().setRun(view);
    if (before?.status === "running" && view.status !== "running") {
      void client.invalidateQueries({ queryKey: flowKeys.runs(flowId) });
      void client.invalidateQueries({ queryKey: flowKeys.list });
    }
  }, [client, flowId, run.data, store]);

  const start = useMutation({
    mutationFn: async (request: RunRequest) => {
      if (!(await flush())) throw new ApiError(0, "The flow could not be saved, so it was not run.");
      return flowsApi.run(flowId, request);
    },
    onSuccess: ({ id }) => {
      store.getState().setRun(null);
      setRunId(id);
      void client.invalidateQueries({ queryKey: flowKeys.runs(flowId) });
    },
  });

  const cancel = useMutation({
    mutationFn: () => flowsApi.cancelRun(flowId, runId as string),
    onSettled: () => void run.refetch(),
  });

  return { runId, setRunId, run, start, cancel };
}
