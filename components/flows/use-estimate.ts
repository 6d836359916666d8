"use client";
// The server's price of the graph on screen: per node, and what will be reused for free. Asked
// a moment after each change (and after a run, which changes what can be reused); an answer
// is kept only while it matches the graph it was asked for.
import { useEffect } from "react";
import { flowsApi } from "./api";
import { toGraph } from "./graph-io";
import { useFlowStoreApi } from "./store/flow-store-context";

export const ESTIMATE_DELAY_MS = 400;

export function useEstimate(flowId: string, enabled: boolean) {
  const store = useFlowStoreApi();
  useEffect(() => {
    if (!enabled) return;
    let controller: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const ask = () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      const { nodes, edges, inputs, revision } = store.getState();
      flowsApi
        .estimate(flowId, { graph: toGraph(nodes, edges, undefined, inputs) }, current.signal)
        .then((estimate) => {
          const nodesById = Object.fromEntries(
            estimate.nodes.map((n) => [
              n.node_id,
              { credits: n.credits, ...(n.reused_from ? { reused_from: n.reused_from } : {}) },
            ]),
          );
          store.getState().setEstimate({ credits: estimate.credits, nodes: nodesById }, revision);
        })
        // A graph that cannot be priced yet (a model missing, say) keeps the list prices on show.
        .catch(() => {});
    };
    const later = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(ask, ESTIMATE_DELAY_MS);
    };
    ask();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.revision !== previous.revision) later();
      else if (previous.run?.status === "running" && state.run?.status !== "running") later();
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      controller?.abort();
    };
  }, [enabled, flowId, store]);
}
