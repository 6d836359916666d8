"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircleIcon, PlusIcon } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { ApiError, fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  OUTBOUND_EVENT_INFO,
  OUTBOUND_EVENT_TYPES,
  type OutboundEventType,
} from "@/lib/outbound-webhooks/events";
import { profileKeys } from "../query-keys";
import { ShownOnce } from "../shown-once";

/** Adds an endpoint URL with its events; its signing secret is shown once. */
export function AddEndpointForm() {
  const id = useId();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<OutboundEventType[]>(["generation.completed", "generation.failed"]);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  const add = useMutation({
    mutationFn: (body: { url: string; events: OutboundEventType[] }) =>
      fetchJson<{ id: string; secret: string }>("/api/webhook-endpoints", { method: "POST", json: body }),
    onSuccess: (body) => {
      setSecret(body.secret);
      setUrl("");
      void queryClient.invalidateQueries({ queryKey: profileKeys.endpoints });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!url.trim()) return setInvalid("Enter the URL that should receive the events.");
    if (events.length === 0) return setInvalid("Pick at least one event.");
    setInvalid(null);
    add.mutate({ url: url.trim(), events });
  }

  const toggle = (type: OutboundEventType, on: boolean) =>
    setEvents((current) => (on ? [...current, type] : current.filter((e) => e !== type)));
  const urlError = add.error instanceof ApiError && add.error.field === "url";

  if (secret) return <ShownOnce title="Signing secret" value={secret} onDone={() => setSecret(null)} />;
  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4" aria-label="Add a webhook endpoint">
      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-url`}>Endpoint URL</Label>
        <Input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          value={url}
          autoComplete="off"
          spellCheck={false}
          placeholder="https://example.com/atelier/webhooks"
          aria-invalid={urlError || undefined}
          onChange={(event) => setUrl(event.target.value)}
        />
      </div>
      <fieldset className="grid gap-2 sm:grid-cols-2">
        <legend className="mb-2 font-medium text-sm">Events</legend>
        {OUTBOUND_EVENT_TYPES.map((type) => (
          <label key={type} className="flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-brand"
              checked={events.includes(type)}
              onChange={(event) => toggle(type, event.target.checked)}
            />
            <span className="flex flex-col gap-0.5">
              <code className="font-medium text-xs">{type}</code>
              <span className="text-muted-foreground">{OUTBOUND_EVENT_INFO[type]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {invalid || add.error ? <FormMessage>{invalid ?? add.error?.message}</FormMessage> : null}
      <Button type="submit" className="self-start" disabled={add.isPending}>
        {add.isPending ? <LoaderCircleIcon className="animate-spin" /> : <PlusIcon />}
        Add endpoint
      </Button>
    </form>
  );
}
