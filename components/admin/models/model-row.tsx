"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircleIcon } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { AdminModel } from "@/lib/admin/models/list-models";
import { cn } from "@/lib/utils";
import { Switch } from "../fields";
import { adminKeys } from "../query-keys";
import type { Wire } from "../wire";

export const MODEL_GRID = "lg:grid-cols-[minmax(0,1.7fr)_4.5rem_repeat(3,minmax(0,1fr))_9.5rem]";

type Model = Wire<AdminModel>;
type NumberField = "price_credits" | "hourly_limit" | "daily_cap";
type Patch = { enabled: boolean | null } & Record<NumberField, number | null>;

const FIELDS: { key: NumberField; label: (m: Model) => string }[] = [
  { key: "price_credits", label: (m) => `Credits per ${m.price_unit}` },
  { key: "hourly_limit", label: () => "Per user per hour" },
  { key: "daily_cap", label: () => "Per user per day" },
];

const asText = (value: number | null) => (value === null ? "" : String(value));

function draftOf(model: Model) {
  return {
    enabled: model.effective.enabled,
    price_credits: asText(model.override.price_credits),
    hourly_limit: asText(model.override.hourly_limit),
    daily_cap: asText(model.override.daily_cap),
  };
}

/** One catalog model's override, edited in place. */
export function ModelRow({ model }: { model: Model }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(model));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(draftOf(model)), [model]);

  const save = useMutation({
    mutationFn: (patch: Patch) =>
      fetchJson<Model>(`/api/admin/models/${encodeURIComponent(model.id)}`, { method: "PATCH", json: patch }),
    onSuccess: (updated) => {
      queryClient.setQueryData<Model[]>(adminKeys.models, (list) =>
        list?.map((m) => (m.id === updated.id ? updated : m)),
      );
      setSaved(true);
    },
    onError: (e) => setError(e.message),
  });

  const original = draftOf(model);
  const dirty = (Object.keys(draft) as (keyof typeof draft)[]).some((k) => draft[k] !== original[k]);
  const overridden = model.override.enabled !== null || FIELDS.some((f) => model.override[f.key] !== null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const patch: Patch = {
      // The catalog's own value is no override.
      enabled: draft.enabled === model.catalog.enabled ? null : draft.enabled,
      price_credits: null,
      hourly_limit: null,
      daily_cap: null,
    };
    for (const field of FIELDS) {
      const text = draft[field.key].trim();
      if (text === "") continue;
      if (!/^\d+$/.test(text))
        return setError(`${field.label(model)}: enter a whole number of 0 or more, or leave it empty.`);
      patch[field.key] = Number(text);
    }
    setError(null);
    save.mutate(patch);
  }

  function reset() {
    setSaved(false);
    setError(null);
    save.mutate({ enabled: null, price_credits: null, hourly_limit: null, daily_cap: null });
  }

  const inputId = (key: string) => `model-${model.id}-${key}`;
  return (
    <form onSubmit={submit} className={cn("grid grid-cols-2 gap-3 px-4 py-3 lg:items-center", MODEL_GRID)}>
      <div className="col-span-2 flex min-w-0 flex-col gap-0.5 lg:col-span-1">
        <span className="flex flex-wrap items-center gap-2 font-medium">
          {model.name}
          {!model.effective.enabled ? <Badge variant="outline">off</Badge> : null}
          {overridden ? <Badge variant="brand">override</Badge> : null}
        </span>
        <span className="truncate text-muted-foreground text-xs">
          {model.id} · {model.provider} · {model.kind}
        </span>
        <span className="truncate text-muted-foreground text-xs" title={model.provider_ref}>
          {model.provider_ref}
          {" · "}
          {model.verified ? (
            <a href={model.verified.source} target="_blank" rel="noreferrer" className="underline">
              checked {model.verified.on}
            </a>
          ) : (
            "not on the provider's list"
          )}
        </span>
      </div>
      <div className="flex items-center gap-2">
        <Switch
          id={inputId("enabled")}
          checked={draft.enabled}
          onCheckedChange={(enabled) => setDraft((d) => ({ ...d, enabled }))}
          aria-label={`${model.name} enabled`}
        />
        <span className="text-muted-foreground text-xs lg:sr-only">
          {draft.enabled ? "Enabled" : "Disabled"}
        </span>
      </div>
      {FIELDS.map((field) => (
        <div key={field.key} className="flex min-w-0 flex-col gap-1">
          <label htmlFor={inputId(field.key)} className="text-muted-foreground text-xs lg:sr-only">
            {field.label(model)}
          </label>
          <Input
            id={inputId(field.key)}
            inputMode="numeric"
            value={draft[field.key]}
            placeholder={String(model.catalog[field.key])}
            onChange={(event) => setDraft((d) => ({ ...d, [field.key]: event.target.value }))}
            aria-label={`${model.name}: ${field.label(model)}`}
            className="h-9"
          />
        </div>
      ))}
      <div className="col-span-2 flex items-center gap-2 lg:col-span-1 lg:justify-end">
        <Button type="submit" size="sm" disabled={!dirty || save.isPending}>
          {save.isPending ? <LoaderCircleIcon className="animate-spin" /> : null}
          Save
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          disabled={!overridden || save.isPending}
          onClick={reset}
        >
          Reset
        </Button>
        {saved && !dirty ? (
          <span role="status" className="text-success text-xs">
            Saved
          </span>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="col-span-2 text-destructive text-sm lg:col-span-6">
          {error}
        </p>
      ) : null}
    </form>
  );
}
