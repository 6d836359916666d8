"use client";
// The server's price of the flow as saved: per node, and what will be reused for free. It is
// asked again after every save, and kept only while it matches the graph on screen.
import { useEffect } from "react";
import { flowsApi } from "./api";
import { useFlowStoreApi } from "./store/flow-store-context";

export function useEstimate(flowId: string, enabled: boolean) {
  const store = useFlowStoreApi();
  useEffect(() => {
    if (!enabled) return;
    let controller: AbortController | null = null;
    const ask = (revision: number) => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      flowsApi
        .estimate(flowId, {}, current.signal)
        .then((estimate) => {
          if (store.getState().savedRevision !== revision) return;
          const nodes = Object.fromEntries(
            estimate.nodes.map((n) => [
              n.node_id,
              { credits: n.credits, ...(n.reused_from ? { reused_from: n.reused_from } : {}) },
            ]),
          );
          store.getState().setEstimate({ credits: estimate.credits, nodes }, revision);
        })
        // An incomplete graph cannot be priced yet; the list prices stay on show.
        .catch(() => {});
    };
    ask(store.getState().savedRevision);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.savedRevision !== previous.savedRevision && state.savedRevision === state.revision)
        ask(state.savedRevision);
      // A run that ended changes what can be reused.
      if (previous.run?.status === "running" && state.run?.status !== "running") ask(state.savedRevision);
    });
    return () => {
      unsubscribe();
      controller?.abort();
    };
  }, [enabled, flowId, store]);
}
