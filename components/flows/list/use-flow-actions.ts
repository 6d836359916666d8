"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { EMPTY_GRAPH } from "@/lib/flows/graph";
import { type FlowGraph, type FlowSummary, flowKeys, flowsApi } from "../api";

/** New (blank or from a template), duplicate and delete, each refreshing the list. */
export function useFlowActions() {
  const client = useQueryClient();
  const router = useRouter();
  const refresh = () => client.invalidateQueries({ queryKey: flowKeys.list });

  const create = useMutation({
    mutationFn: (body: { name: string; graph?: FlowGraph }) =>
      flowsApi.create({ name: body.name, graph: body.graph ?? EMPTY_GRAPH }),
    onSuccess: ({ id }) => {
      void refresh();
      router.push(`/flows/${id}`);
    },
  });

  const duplicate = useMutation({
    mutationFn: async (flow: FlowSummary) => {
      const source = await flowsApi.get(flow.id);
      return flowsApi.create({ name: `${source.name} (copy)`.slice(0, 120), graph: source.graph });
    },
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
