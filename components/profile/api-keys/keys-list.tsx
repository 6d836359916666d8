"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ConfirmButton } from "@/components/admin/confirm-dialog";
import { relativeTime } from "@/components/notifications/relative-time";
import { fetchJson } from "@/components/providers/fetch-json";
import { Badge } from "@/components/ui/badge";
import { FormMessage } from "@/components/ui/form-message";
import { Skeleton } from "@/components/ui/skeleton";
import { profileKeys } from "../query-keys";
import type { ApiKeyRow } from "./types";

/** The person's keys: prefix, scopes, last use, and revoke. Keys themselves are never shown again. */
export function KeysList() {
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: profileKeys.apiKeys,
    queryFn: ({ signal }) => fetchJson<{ keys: ApiKeyRow[] }>("/api/keys", { signal }).then((b) => b.keys),
  });
  const revoke = useMutation({
    mutationFn: (key: ApiKeyRow) => fetchJson(`/api/keys/${key.id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.apiKeys }),
  });

  if (keys.isPending) return <Skeleton className="h-16" />;
  if (keys.error) return <FormMessage>{keys.error.message}</FormMessage>;
  if (keys.data.length === 0)
    return (
      <p className="text-muted-foreground text-sm">No keys yet. Create one to call the API from a script.</p>
    );
  return (
    <div className="flex flex-col gap-2">
      {revoke.error ? <FormMessage>{revoke.error.message}</FormMessage> : null}
      <ul aria-label="Your API keys" className="divide-y rounded-lg border">
        {keys.data.map((key) => (
          <li key={key.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
            <div className="flex min-w-0 flex-col gap-1">
              <span className="flex flex-wrap items-center gap-2">
                <span className="truncate font-medium text-sm">{key.name}</span>
                <code className="text-muted-foreground text-xs">{key.prefix}…</code>
                {key.revoked_at ? <Badge variant="outline">Revoked</Badge> : null}
              </span>
              <span className="flex flex-wrap items-center gap-1.5 text-muted-foreground text-xs">
                {key.scopes.map((scope) => (
                  <Badge key={scope} variant="secondary">
                    {scope}
                  </Badge>
                ))}
                <span>
                  · {key.last_used_at ? `last used ${relativeTime(key.last_used_at)}` : "never used"}
                </span>
              </span>
            </div>
            {key.revoked_at ? null : (
              <ConfirmButton
                variant="outline"
                size="sm"
                destructive
                disabled={revoke.isPending}
                aria-label={`Revoke ${key.name}`}
                title={`Revoke “${key.name}”?`}
                description="Scripts using this key stop working at once. This cannot be undone."
                confirmLabel="Revoke key"
                onConfirm={() => revoke.mutate(key)}
              >
                Revoke
              </ConfirmButton>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
