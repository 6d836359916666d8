"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RotateCwIcon } from "lucide-react";
import { relativeTime } from "@/components/notifications/relative-time";
import { fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Skeleton } from "@/components/ui/skeleton";
import { profileKeys } from "../query-keys";
import { DeliveryStatusBadge } from "./status-badge";
import type { DeliveryRow } from "./types";

/** One endpoint's newest deliveries: status, response code, latency, attempts, and redeliver. */
export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const queryClient = useQueryClient();
  const log = useQuery({
    queryKey: profileKeys.deliveries(endpointId),
    queryFn: ({ signal }) =>
      fetchJson<{ deliveries: DeliveryRow[] }>(`/api/webhook-endpoints/${endpointId}/deliveries`, {
        signal,
      }).then((b) => b.deliveries),
    // Fresh while something is still being tried; quiet otherwise.
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === "pending") ? 3_000 : 30_000),
  });
  const redeliver = useMutation({
    mutationFn: (delivery: DeliveryRow) =>
      fetchJson(`/api/webhook-endpoints/${endpointId}/deliveries/${delivery.id}/redeliver`, {
        method: "POST",
      }),
    onSuccess: () => {
      // The attempt runs in the background; look again once it has had a moment.
      setTimeout(
        () => void queryClient.invalidateQueries({ queryKey: profileKeys.deliveries(endpointId) }),
        1_500,
      );
    },
  });

  if (log.isPending) return <Skeleton className="h-12" />;
  if (log.error) return <FormMessage>{log.error.message}</FormMessage>;
  if (log.data.length === 0)
    return (
      <p className="text-muted-foreground text-sm">
        Nothing sent yet. Send a test event to try the endpoint.
      </p>
    );
  return (
    <div className="flex flex-col gap-2">
      {redeliver.error ? <FormMessage>{redeliver.error.message}</FormMessage> : null}
      <ul aria-label="Deliveries" className="divide-y rounded-lg border">
        {log.data.map((d) => (
          <li
            key={d.id}
            className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-3 py-2.5 text-sm"
          >
            <div className="flex min-w-0 flex-col gap-1">
              <span className="flex flex-wrap items-center gap-2">
                <DeliveryStatusBadge status={d.status} attempts={d.attempts} />
                <code className="text-xs">{d.event_type}</code>
              </span>
              <span className="text-muted-foreground text-xs">
                {summary(d)} · {relativeTime(d.created_at)}
              </span>
              {d.last_error && d.status !== "succeeded" ? (
                <span className="line-clamp-2 text-destructive text-xs" title={d.last_error}>
                  {d.last_error}
                </span>
              ) : null}
              {d.attempt_log.length > 1 ? <Attempts attempts={d.attempt_log} /> : null}
            </div>
            <Button
              variant="outline"
              size="sm"
              disabled={redeliver.isPending}
              onClick={() => redeliver.mutate(d)}
              aria-label={`Redeliver ${d.event_type} from ${relativeTime(d.created_at)}`}
            >
              <RotateCwIcon />
              Redeliver
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function summary(d: DeliveryRow): string {
  const parts = [
    d.last_status_code ? `HTTP ${d.last_status_code}` : d.attempts ? "no response" : "waiting",
    d.last_latency_ms !== null ? `${d.last_latency_ms} ms` : null,
    `${d.attempts} ${d.attempts === 1 ? "attempt" : "attempts"}`,
    d.status === "pending" && d.next_attempt_at && d.attempts > 0
      ? `next ${relativeTime(d.next_attempt_at)}`
      : null,
  ];
  return parts.filter(Boolean).join(" · ");
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** Every try of one delivery: when, what came back, how long it took, and who asked. */
function Attempts({ attempts }: { attempts: DeliveryRow["attempt_log"] }) {
  return (
    <details className="text-muted-foreground text-xs">
      <summary className="cursor-pointer select-none">Attempts</summary>
      <ol className="mt-1 flex flex-col gap-0.5 pl-4">
        {attempts.map((a) => (
          <li key={a.attempt} className="tabular-nums">
            #{a.attempt} · {TIME.format(new Date(a.started_at))} ·{" "}
            {a.status_code ? `HTTP ${a.status_code}` : (a.error ?? "no response")}
            {a.latency_ms !== null ? ` · ${a.latency_ms} ms` : ""}
            {a.manual ? " · redelivered" : ""}
          </li>
        ))}
      </ol>
    </details>
  );
}
