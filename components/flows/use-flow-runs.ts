"use client";
import { useQuery } from "@tanstack/react-query";
import { flowKeys, flowsApi } from "./api";

/**
 * A flow's runs, newest first: the run history, and the latest run a page opens on. One query
 * (and cache entry) for all of them, refreshed whenever a run starts or ends.
 */
export function useFlowRuns(flowId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: flowKeys.runs(flowId),
    queryFn: ({ signal }) => flowsApi.runs(flowId, signal),
    enabled: options.enabled ?? true,
  });
}
