"use client";
// Autosave: every change of the graph is saved a moment after the last edit (one PATCH for a
// burst of typing), one request at a time, and the latest state always wins. `flush` saves at
// once, for Run and for leaving the page.
import { useReactFlow } from "@xyflow/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { flowsApi } from "./api";
import { toGraph } from "./graph-io";
import { useFlowStoreApi } from "./store/flow-store-context";

export const AUTOSAVE_DELAY_MS = 800;

export type SaveStatus = "saved" | "unsaved" | "saving" | "error";

export function useAutosave(flowId: string) {
  const store = useFlowStoreApi();
  const flow = useReactFlow();
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const save = useCallback(async (): Promise<boolean> => {
    // One request at a time; whatever changed meanwhile is saved right after.
    while (inFlight.current) await inFlight.current;
    const { nodes, edges, revision, savedRevision, readOnly } = store.getState();
    if (readOnly || revision <= savedRevision) return true;
    setStatus("saving");
    const request = flowsApi
      .update(flowId, { graph: toGraph(nodes, edges, flow.getViewport()) })
      .then(() => {
        store.getState().markSaved(revision);
        setError(null);
        return true;
      })
      .catch((cause: Error) => {
        setError(cause.message);
        return false;
      });
    inFlight.current = request;
    const ok = await request;
    inFlight.current = null;
    const state = store.getState();
    setStatus(!ok ? "error" : state.revision > state.savedRevision ? "unsaved" : "saved");
    return ok;
  }, [flow, flowId, store]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // An edit made while a save was in flight needs one more.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!(await save())) return false;
      const state = store.getState();
      if (state.readOnly || state.revision <= state.savedRevision) return true;
    }
    return false;
  }, [save, store]);

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.revision === previous.revision || state.revision <= state.savedRevision) return;
        setStatus((current) => (current === "saving" ? current : "unsaved"));
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          timer.current = null;
          void save();
        }, AUTOSAVE_DELAY_MS);
      }),
    [save, store],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { status, error, flush };
}
