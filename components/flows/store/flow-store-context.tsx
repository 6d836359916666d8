"use client";

import { createContext, type ReactNode, useContext } from "react";
import { useStore } from "zustand";
import type { FlowActions, FlowState, FlowStore } from "./flow-store";

const FlowStoreContext = createContext<FlowStore | null>(null);

export function FlowStoreProvider({ store, children }: { store: FlowStore; children: ReactNode }) {
  return <FlowStoreContext.Provider value={store}>{children}</FlowStoreContext.Provider>;
}

export function useFlowStoreApi(): FlowStore {
  const store = useContext(FlowStoreContext);
  if (!store) throw new Error("useFlowStore outside FlowStoreProvider");
  return store;
}

/** One slice of the editor's state; the component re-renders only when that slice changes. */
export function useFlowStore<T>(selector: (state: FlowState & FlowActions) => T): T {
  return useStore(useFlowStoreApi(), selector);
}
