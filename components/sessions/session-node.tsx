"use client";

import { BrushIcon, FilmIcon, GitBranchPlusIcon, ImageIcon } from "lucide-react";
import Link from "next/link";
import { StatusChip } from "@/components/generations/status-chip";
import { Button } from "@/components/ui/button";
import type { SessionGeneration } from "./use-session";

const HIDDEN_PARAMS = new Set(["prompt"]);

/** The parameters worth reading at a glance: no prompt (shown above), no file links. */
export function paramSummary(input: Record<string, unknown>): [string, string][] {
  return Object.entries(input)
    .filter(
      ([key, value]) => !HIDDEN_PARAMS.has(key) && value !== null && value !== "" && value !== undefined,
    )
    .filter(
      ([, value]) => !(typeof value === "string" && /^https?:\/\//.test(value)) && !Array.isArray(value),
    )
    .map(([key, value]) => [
      key.replace(/_/g, " "),
      typeof value === "object" ? JSON.stringify(value) : String(value),
    ]);
}

/** One step of a session: its output, prompt, model, parameters, cost and time, and what to do next. */
export function SessionNode({
  item,
  modelName,
  alsoFrom,
  external,
  onIterate,
}: {
  item: SessionGeneration;
  modelName: string;
  alsoFrom: string[];
  external: string[];
  onIterate: (item: SessionGeneration) => void;
}) {
  const output = item.outputs[0];
  const params = paramSummary(item.input);
  const isImage = output && item.status === "completed" && !output.mime.startsWith("video/");
  return (
    <article
      className="flex gap-3 rounded-xl border bg-card p-3"
      data-testid="session-node"
      data-status={item.status}
      aria-label={item.prompt ?? modelName}
    >
      <Link
        href={`/result/${item.id}`}
        className="relative size-20 shrink-0 overflow-hidden rounded-lg bg-muted outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60 sm:size-24"
        aria-label={`Open result: ${item.prompt ?? modelName}`}
      >
        {isImage ? (
          // biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed.
          <img
            src={output.thumbnail_url ?? output.url}
            alt=""
            loading="lazy"
            className="size-full object-cover"
          />
        ) : (
          <span className="flex size-full items-center justify-center text-muted-foreground">
            {item.kind === "video" ? (
              <FilmIcon aria-hidden className="size-6" />
            ) : (
              <ImageIcon aria-hidden className="size-6" />
            )}
          </span>
        )}
      </Link>
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <p className="line-clamp-2 text-sm">
          {item.prompt ?? <span className="text-muted-foreground">No prompt</span>}
        </p>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-muted-foreground text-xs">
          <StatusChip status={item.status} className="bg-muted shadow-none" />
          <span>{modelName}</span>
          <span>{`${item.cost} ${item.cost === 1 ? "credit" : "credits"}`}</span>
          {item.duration_seconds !== null ? <span>{`${item.duration_seconds.toFixed(1)} s`}</span> : null}
        </p>
        {params.length ? (
          <p className="line-clamp-2 text-muted-foreground text-xs">
            {params.map(([key, value]) => `${key}: ${value}`).join(" · ")}
          </p>
        ) : null}
        {alsoFrom.length ? (
          <p className="text-muted-foreground text-xs">
            {`Also uses ${alsoFrom.length} more ${alsoFrom.length === 1 ? "output" : "outputs"} of this session`}
          </p>
        ) : null}
        {external.map((id) => (
          <Link
            key={id}
            href={`/result/${id}`}
            className="w-fit text-muted-foreground text-xs underline underline-offset-2"
          >
            Iterated from an output outside this session
          </Link>
        ))}
        {isImage ? (
          <div className="flex flex-wrap gap-2 pt-1">
            <Button size="sm" variant="outline" onClick={() => onIterate(item)}>
              <GitBranchPlusIcon aria-hidden /> Iterate from here
            </Button>
            <Button asChild size="sm" variant="ghost">
              <Link href={`/inpaint?${new URLSearchParams({ image: output.asset_id ?? output.url })}`}>
                <BrushIcon aria-hidden /> Inpaint
              </Link>
            </Button>
          </div>
        ) : null}
      </div>
    </article>
  );
}
