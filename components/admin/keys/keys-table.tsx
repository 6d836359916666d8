"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2Icon } from "lucide-react";
import { fetchJson } from "@/components/providers/fetch-json";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { ConfirmButton } from "../confirm-dialog";
import { formatDateTime, formatNumber } from "../format";
import { adminKeys } from "../query-keys";
import { DataTable, EmptyRow, LoadingRows, Td, Th } from "../table";
import { KEY_PROVIDERS, type ProviderKey } from "./types";

const providerLabel = (id: string) => KEY_PROVIDERS.find((p) => p.id === id)?.label ?? id;

function Health({ k }: { k: ProviderKey }) {
  if (!k.active) return <Badge variant="outline">Disabled</Badge>;
  if (k.cooldown_until && Date.parse(k.cooldown_until) > Date.now())
    return <Badge variant="destructive">Cooling down</Badge>;
  return <Badge variant="success">Active</Badge>;
}

export function KeysTable({ keys, loading }: { keys: ProviderKey[] | undefined; loading: boolean }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.keys });
  const toggle = useMutation({
    mutationFn: (k: ProviderKey) =>
      fetchJson(`/api/admin/keys/${k.id}`, { method: "PATCH", json: { active: !k.active } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (k: ProviderKey) => fetchJson(`/api/admin/keys/${k.id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const error = toggle.error ?? remove.error;

  return (
    <>
      {error ? <FormMessage>{error.message}</FormMessage> : null}
      <DataTable aria-label="Provider keys">
        <thead>
          <tr>
            <Th>Key</Th>
            <Th>Health</Th>
            <Th className="hidden text-right md:table-cell">Requests</Th>
            <Th className="hidden text-right md:table-cell">Errors</Th>
            <Th className="hidden xl:table-cell">Last used</Th>
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {loading ? <LoadingRows colSpan={6} rows={3} /> : null}
          {keys?.length === 0 ? (
            <EmptyRow colSpan={6}>No keys in the pool: providers use the keys from the environment.</EmptyRow>
          ) : null}
          {keys?.map((k) => (
            <tr key={k.id}>
              <Td className="min-w-40">
                <span className="block font-medium">{k.label}</span>
                <span className="block text-muted-foreground text-xs">
                  {providerLabel(k.provider)} · <span className="font-mono">{k.secret_hint}</span>
                </span>
              </Td>
              <Td className="max-w-64">
                <Health k={k} />
                {k.disabled_reason ? (
                  <span className="mt-1 block text-muted-foreground text-xs">{k.disabled_reason}</span>
                ) : null}
                {k.last_error ? (
                  <span className="mt-1 line-clamp-2 block text-destructive text-xs" title={k.last_error}>
                    {k.last_error}
                  </span>
                ) : null}
              </Td>
              <Td className="hidden text-right tabular-nums md:table-cell">
                {formatNumber(Number(k.request_count))}
              </Td>
              <Td className="hidden text-right tabular-nums md:table-cell">
                {formatNumber(Number(k.error_count))}
              </Td>
              <Td className="hidden whitespace-nowrap text-muted-foreground xl:table-cell">
                {formatDateTime(k.last_used_at)}
              </Td>
              <Td>
                <div className="flex justify-end gap-1">
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={toggle.isPending}
                    onClick={() => toggle.mutate(k)}
                    aria-label={`${k.active ? "Disable" : "Enable"} ${k.label}`}
                  >
                    {k.active ? "Disable" : "Enable"}
                  </Button>
                  <ConfirmButton
                    variant="ghost"
                    size="sm"
                    aria-label={`Delete ${k.label}`}
                    destructive
                    disabled={remove.isPending}
                    title={`Delete “${k.label}”?`}
                    description="The key leaves the pool for good. To pause it instead, disable it."
                    confirmLabel="Delete key"
                    onConfirm={() => remove.mutate(k)}
                  >
                    <Trash2Icon />
                  </ConfirmButton>
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
