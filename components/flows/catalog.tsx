"use client";
// The catalog inside the editor: one lookup by model id for every node, and the same lookup
// in the shape the shared graph rules read, loaded once.
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { useModels } from "@/components/generations/use-models";
import { type FlowCatalog, flowCatalog } from "@/lib/flows/graph";
import type { LiteModel } from "@/lib/models-lite";
import { type NodePorts, portsFor } from "./ports";
import type { NodeKind } from "./store/types";

type Catalog = {
  models: readonly LiteModel[];
  byId: ReadonlyMap<string, LiteModel>;
  rules: FlowCatalog;
  loading: boolean;
};

const EMPTY: Catalog = { models: [], byId: new Map(), rules: new Map(), loading: true };
const CatalogContext = createContext<Catalog>(EMPTY);

export function CatalogProvider({ children }: { children: ReactNode }) {
  const { data, isPending } = useModels();
  const value = useMemo<Catalog>(() => {
    const models = data ?? [];
    return {
      models,
      byId: new Map(models.map((m) => [m.id, m])),
      rules: flowCatalog(models),
      loading: isPending,
    };
  }, [data, isPending]);
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}

export const useCatalog = () => useContext(CatalogContext);

/** A node's ports, recomputed only when its kind, its model or the catalog changes. */
export function useNodePorts(type: NodeKind, model?: string): NodePorts {
  const { rules } = useCatalog();
  return useMemo(() => portsFor(type, model, rules), [type, model, rules]);
}
