"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/providers/fetch-json";
import { Skeleton } from "@/components/ui/skeleton";
import type { AdminModel } from "@/lib/admin/models/list-models";
import { AdminHeader } from "../admin-header";
import { adminKeys } from "../query-keys";
import { QueryError } from "../query-state";
import type { Wire } from "../wire";
import { MODEL_GRID, ModelRow } from "./model-row";

export function ModelsPanel() {
  const models = useQuery({
    queryKey: adminKeys.models,
    queryFn: ({ signal }) => fetchJson<Wire<AdminModel>[]>("/api/admin/models", { signal }),
  });
  return (
    <div className="flex flex-col gap-5">
      <AdminHeader
        title="Models"
        description="Turn models on or off and override their price and limits. Leave a field empty for the catalog default."
      />
      <QueryError error={models.error} />
      <div className="overflow-hidden rounded-xl border bg-card shadow-xs">
        <div
          aria-hidden
          className={`hidden gap-3 border-b bg-muted/50 px-4 py-2.5 font-medium text-muted-foreground text-xs lg:grid ${MODEL_GRID}`}
        >
          <span>Model</span>
          <span>Enabled</span>
          <span>Price per unit</span>
          <span>Hourly limit</span>
          <span>Daily cap</span>
          <span className="sr-only">Actions</span>
        </div>
        {models.isPending ? (
          <div className="flex flex-col gap-3 p-4">
            <Skeleton className="h-12" />
            <Skeleton className="h-12" />
            <Skeleton className="h-12" />
          </div>
        ) : null}
        <ul className="divide-y">
          {models.data?.map((model) => (
            <li key={model.id}>
              <ModelRow model={model} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
