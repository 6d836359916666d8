"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { EMPTY_GRAPH } from "@/lib/flows/graph";
import { type FlowSummary, flowKeys, flowsApi } from "../api";

/** New (blank or from a template), duplicate and delete, each refreshing the list. */
export function useFlowActions() {
  const client = useQueryClient();
  const router = useRouter();
  const refresh = () => client.invalidateQueries({ queryKey: flowKeys.list });

  const create = useMutation({
    mutationFn: (body: { name?: string; template?: string }) =>
      flowsApi.create(body.template ? body : { ...body, graph: EMPTY_GRAPH }),
    onSuccess: ({ id }) => {
      void refresh();
      router.push(`/flows/${id}`);
    },
  });

  const duplicate = useMutation({
    mutationFn: (flow: FlowSummary) => flowsApi.duplicate(flow.id),
    onSuccess: () => void refresh(),
  });

  const remove = useMutation({
    mutationFn: (flow: FlowSummary) => flowsApi.remove(flow.id),
    onMutate: async (flow) => {
      await client.cancelQueries({ queryKey: flowKeys.list });
      client.setQueryData<FlowSummary[]>(flowKeys.list, (list) => list?.filter((f) => f.id !== flow.id));
    },
    onSettled: () => void refresh(),
  });

  return { create, duplicate, remove };
}
