"use client";
// Starting, watching and canceling a run. The run executes on the server; the tab only asks how
// it is going (every second while it runs) and paints each node's state from the answer.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiError } from "@/components/providers/fetch-json";
import { flowKeys, flowsApi, type RunRequest } from "./api";
import { useFlowStoreApi } from "./store/flow-store-context";
import { isRunning, toRunView } from "./store/run-view";

export const RUN_POLL_MS = 1000;

export function useFlowRun(flowId: string, flush: () => Promise<boolean>, initialRunId: string | null) {
  const store = useFlowStoreApi();
  const client = useQueryClient();
  const [runId, setRunId] = useState<string | null>(initialRunId);

  const run = useQuery({
    queryKey: flowKeys.run(flowId, runId ?? ""),
    queryFn: ({ signal }) => flowsApi.getRun(flowId, runId as string, signal),
    enabled: runId !== null,
    refetchInterval: (query) => {
      const data = query.state.data;
      return data && !isRunning(toRunView(data)) ? false : RUN_POLL_MS;
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
