"use client";
// Autosave: every change of the graph is saved a moment after the last edit (one PATCH for a
// burst of typing), one request at a time, each on the revision the last one returned, so a
// save from another tab is never overwritten silently (the server answers 409). `flush` saves
// at once, for Run and for leaving the page; renames go through the same queue.
import { useReactFlow } from "@xyflow/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "@/components/providers/fetch-json";
import { flowsApi } from "./api";
import { toGraph } from "./graph-io";
import { useFlowStoreApi } from "./store/flow-store-context";

export const AUTOSAVE_DELAY_MS = 800;

export type SaveStatus = "saved" | "unsaved" | "saving" | "error" | "conflict";

export function useAutosave(flowId: string, initialRevision: number) {
  const store = useFlowStoreApi();
  const flow = useReactFlow();
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [error, setError] = useState<string | null>(null);
  const revision = useRef(initialRevision);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const conflicted = useRef(false);

  /** Sends one PATCH after the ones before it, on the latest known revision. */
  const patch = useCallback(
    (body: () => Parameters<typeof flowsApi.update>[1] | null): Promise<boolean> => {
      const next = queue.current.then(async () => {
        if (conflicted.current) return false;
        const change = body();
        if (!change) return true;
        try {
          const saved = await flowsApi.update(flowId, { ...change, revision: revision.current });
          revision.current = saved.revision;
          setError(null);
          return true;
        } catch (cause) {
          const conflict = cause instanceof ApiError && cause.status === 409;
          conflicted.current = conflict;
          setError((cause as Error).message);
          setStatus(conflict ? "conflict" : "error");
          return false;
        }
      });
      queue.current = next;
      return next;
    },
    [flowId],
  );

  const save = useCallback(async (): Promise<boolean> => {
    let saving = 0;
    const ok = await patch(() => {
      const { nodes, edges, inputs, revision: local, savedRevision, readOnly } = store.getState();
      if (readOnly || local <= savedRevision) return null;
      saving = local;
      setStatus("saving");
      return { graph: toGraph(nodes, edges, flow.getViewport(), inputs) };
    });
    if (!ok) return false;
    if (saving) store.getState().markSaved(saving);
    const state = store.getState();
    setStatus(state.revision > state.savedRevision ? "unsaved" : "saved");
    return true;
  }, [flow, patch, store]);

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

  const rename = useCallback((name: string) => patch(() => ({ name })), [patch]);

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.revision === previous.revision || state.revision <= state.savedRevision) return;
        if (conflicted.current) return;
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

  return { status, error, flush, rename };
}
