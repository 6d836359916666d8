"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ChevronDownIcon, SendIcon, Trash2Icon } from "lucide-react";
import { useState } from "react";
import { ConfirmButton } from "@/components/admin/confirm-dialog";
import { fetchJson } from "@/components/providers/fetch-json";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { cn } from "@/lib/utils";
import { profileKeys } from "../query-keys";
import { DeliveryLog } from "./delivery-log";
import type { EndpointRow } from "./types";

/** One endpoint: its URL and events, a test event, its delivery log, and removal. */
export function EndpointItem({ endpoint }: { endpoint: EndpointRow }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const refreshLog = () => queryClient.invalidateQueries({ queryKey: profileKeys.deliveries(endpoint.id) });
  const test = useMutation({
    mutationFn: () => fetchJson(`/api/webhook-endpoints/${endpoint.id}/test`, { method: "POST" }),
    onSuccess: () => {
      setOpen(true);
      setTimeout(() => void refreshLog(), 1_500);
    },
  });
  const remove = useMutation({
    mutationFn: () => fetchJson(`/api/webhook-endpoints/${endpoint.id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.endpoints }),
  });
  const logId = `deliveries-${endpoint.id}`;

  return (
    <li className="flex flex-col gap-3 p-4">
      <div className="flex flex-col gap-1.5">
        <span className="break-all font-mono text-sm">{endpoint.url}</span>
        <span className="flex flex-wrap gap-1.5">
          {endpoint.events.map((type) => (
            <Badge key={type} variant="secondary">
              {type}
            </Badge>
          ))}
        </span>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="outline"
          size="sm"
          aria-expanded={open}
          aria-controls={logId}
          onClick={() => setOpen(!open)}
        >
          <ChevronDownIcon className={cn("transition-transform", open && "rotate-180")} />
          Deliveries
        </Button>
        <Button variant="outline" size="sm" disabled={test.isPending} onClick={() => test.mutate()}>
          <SendIcon />
          Send test event
        </Button>
        <ConfirmButton
          variant="ghost"
          size="sm"
          destructive
          disabled={remove.isPending}
          aria-label={`Remove ${endpoint.url}`}
          title="Remove this endpoint?"
          description="It stops receiving events at once, and its delivery log is deleted."
          confirmLabel="Remove endpoint"
          onConfirm={() => remove.mutate()}
        >
          <Trash2Icon />
          Remove
        </ConfirmButton>
      </div>
      {(test.error ?? remove.error) ? (
        <FormMessage>{(test.error ?? remove.error)?.message}</FormMessage>
      ) : null}
      {open ? (
        <div id={logId}>
          <DeliveryLog endpointId={endpoint.id} />
        </div>
      ) : null}
    </li>
  );
}
