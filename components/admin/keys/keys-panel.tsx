"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/providers/fetch-json";
import { AdminHeader } from "../admin-header";
import { adminKeys } from "../query-keys";
import { QueryError } from "../query-state";
import { AddKeyForm } from "./add-key-form";
import { KeysTable } from "./keys-table";
import type { ProviderKey } from "./types";

export function KeysPanel() {
  const keys = useQuery({
    queryKey: adminKeys.keys,
    queryFn: async ({ signal }) => {
      const body = await fetchJson<ProviderKey[] | { keys: ProviderKey[] }>("/api/admin/keys", { signal });
      return Array.isArray(body) ? body : body.keys;
    },
    // Health (cooldowns, errors) moves while jobs run.
    refetchInterval: 30_000,
  });
  return (
    <div className="flex flex-col gap-5">
      <AdminHeader
        title="Provider keys"
        description="The key pool: requests rotate across active keys per provider. Secrets are stored encrypted and never shown again."
      />
      <div className="grid gap-5 lg:grid-cols-[20rem_minmax(0,1fr)] lg:items-start">
        <AddKeyForm />
        <div className="flex min-w-0 flex-col gap-3">
          <QueryError error={keys.error} />
          <KeysTable keys={keys.data} loading={keys.isPending} />
        </div>
      </div>
    </div>
  );
}
