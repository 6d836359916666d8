"use client";

import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import type { ParamDescriptor } from "@/lib/models/params";
import type { LiteModel } from "@/lib/models-lite";
import { providerLabel } from "./model-format";
import { StatusChip } from "./status-chip";
import type { GenerationDetail } from "./types";
import { useIsClient } from "./use-is-client";

/** Model, status, timings and every input parameter of one generation. */
export function ResultDetails({ item, model }: { item: GenerationDetail; model: LiteModel | null }) {
  const isClient = useIsClient();
  const when = (iso: string | null) =>
    iso ? (
      <time dateTime={iso}>
        {isClient ? new Date(iso).toLocaleString() : iso.replace("T", " ").slice(0, 19)}
      </time>
    ) : (
      "—"
    );
  const took = item.completed_at ? seconds(item.created_at, item.completed_at) : null;
  const params = model?.params ?? [];
  const inputKeys = Object.keys(item.input);
  const ordered = [
    ...params.filter((p) => p.name in item.input).map((p) => p.name),
    ...inputKeys.filter((key) => !params.some((p) => p.name === key)),
  ].filter((key) => key !== "prompt" && key !== "seed");
  const seed = item.input.seed;
  const hasSeed = seed !== undefined || params.some((p) => p.name === "seed");

  return (
    <div className="flex flex-col gap-6">
      {item.prompt ? (
        <section className="flex flex-col gap-2">
          <div className="flex items-center justify-between gap-2">
            <h2 className="font-medium text-muted-foreground text-sm">Prompt</h2>
            <CopyButton value={item.prompt} label="Copy" aria-label="Copy prompt" className="h-10" />
          </div>
          <p className="whitespace-pre-wrap break-words">{item.prompt}</p>
        </section>
      ) : null}
      {item.error ? (
        <section className="rounded-lg bg-destructive/10 p-3 text-destructive text-sm">
          <h2 className="mb-1 font-medium">Why it failed</h2>
          <p className="break-words">{item.error}</p>
        </section>
      ) : null}
      <dl className="divide-y rounded-lg border text-sm">
        <Row term="Model">{model?.name ?? item.model}</Row>
        <Row term="Provider">{providerLabel(item.provider)}</Row>
        <Row term="Status">
          <StatusChip status={item.status} className="bg-muted" />
        </Row>
        <Row term="Created">{when(item.created_at)}</Row>
        <Row term="Submitted">{when(item.submitted_at)}</Row>
        <Row term="Started">{when(item.started_at ?? null)}</Row>
        <Row term="Finished">{when(item.completed_at)}</Row>
        {took ? <Row term="Took">{took}</Row> : null}
        {hasSeed ? (
          <Row term="Seed">
            {typeof seed === "number" || typeof seed === "string" ? (
              <span className="inline-flex items-center gap-2">
                <span className="font-mono tabular-nums">{String(seed)}</span>
                <CopyButton value={String(seed)} label="Copy" aria-label="Copy seed" className="h-8" />
              </span>
            ) : (
              <span className="text-muted-foreground">Random</span>
            )}
          </Row>
        ) : null}
        {ordered.map((key) => (
          <Row key={key} term={params.find((p) => p.name === key)?.label ?? key}>
            <ParamValue value={item.input[key]} param={params.find((p) => p.name === key)} />
          </Row>
        ))}
      </dl>
    </div>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex items-start justify-between gap-4 px-3 py-2.5">
      <dt className="shrink-0 text-muted-foreground">{term}</dt>
      <dd className="min-w-0 break-words text-right">{children}</dd>
    </div>
  );
}

function ParamValue({ value, param }: { value: unknown; param?: ParamDescriptor }) {
  const urls = typeof value === "string" ? [value] : Array.isArray(value) ? value.map(String) : [];
  if (param && (param.control === "image" || param.control === "images")) {
    if (urls.length === 0) return <span className="text-muted-foreground">None</span>;
    return (
      <span className="flex flex-wrap justify-end gap-1.5">
        {urls.map((url, index) => (
          <a key={url} href={url} target="_blank" rel="noreferrer" className="block">
            {/* biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed. */}
            <img
              src={url}
              alt={`${param.label} ${index + 1}`}
              className="size-12 rounded border object-cover"
            />
          </a>
        ))}
      </span>
    );
  }
  if (typeof value === "boolean") return <>{value ? "On" : "Off"}</>;
  const option = param?.options?.find((o) => o.value === value);
  if (option) return <>{option.label}</>;
  if (value === null || value === undefined || value === "")
    return <span className="text-muted-foreground">—</span>;
  return <>{typeof value === "object" ? JSON.stringify(value) : String(value)}</>;
}

function seconds(from: string, to: string): string | null {
  const ms = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms) || ms < 0) return null;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
