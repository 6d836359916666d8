"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRightIcon, ImageIcon } from "lucide-react";
import Link from "next/link";
import { STATUS_LABELS } from "@/components/generations/status-chip";
import type { GenerationStatus } from "@/components/generations/types";
import { fetchJson } from "@/components/providers/fetch-json";
import { cn } from "@/lib/utils";

type LineageNode = {
  id: string;
  model: string;
  status: GenerationStatus;
  thumbnail_url: string | null;
  depth: number;
};
type Lineage = { id: string; ancestors: LineageNode[]; descendants: LineageNode[] };

/** Nodes grouped by distance: the furthest ancestors first, then nearer ones (or the reverse). */
export function lineageColumns(nodes: readonly LineageNode[], direction: "up" | "down"): LineageNode[][] {
  const byDepth = new Map<number, LineageNode[]>();
  for (const node of nodes) byDepth.set(node.depth, [...(byDepth.get(node.depth) ?? []), node]);
  const depths = [...byDepth.keys()].sort((a, b) => (direction === "up" ? b - a : a - b));
  return depths.map((depth) => byDepth.get(depth) ?? []);
}

/**
 * Where this generation came from and what came of it, across sessions, flows and tools: its
 * ancestors and descendants as columns of thumbnails around it, each a link to its result.
 */
export function LineageGraph({ id, thumbnailUrl }: { id: string; thumbnailUrl: string | null }) {
  const lineage = useQuery({
    queryKey: ["generations", "lineage", id],
    queryFn: ({ signal }) => fetchJson<Lineage>(`/api/generations/${id}/lineage`, { signal }),
    staleTime: 30_000,
  });
  const data = lineage.data;
  if (!data || (data.ancestors.length === 0 && data.descendants.length === 0)) return null;
  const columns = [
    ...lineageColumns(data.ancestors, "up"),
    [{ id, model: "", status: "completed" as const, thumbnail_url: thumbnailUrl, depth: 0 }],
    ...lineageColumns(data.descendants, "down"),
  ];
  return (
    <section aria-labelledby="lineage-heading" className="flex flex-col gap-3">
      <h2 id="lineage-heading" className="font-semibold text-lg">
        Lineage
      </h2>
      <p className="text-muted-foreground text-sm">
        {`${data.ancestors.length} earlier ${data.ancestors.length === 1 ? "step" : "steps"} and ${data.descendants.length} later ${data.descendants.length === 1 ? "one" : "ones"}, across sessions, flows and tools.`}
      </p>
      <ol className="flex items-center gap-2 overflow-x-auto pb-2" data-testid="lineage-graph">
        {columns.map((column, index) => (
          <li key={column[0]?.id ?? index} className="flex items-center gap-2">
            {index > 0 ? (
              <ArrowRightIcon aria-hidden className="size-4 shrink-0 text-muted-foreground" />
            ) : null}
            <ul className="flex flex-col gap-2">
              {column.map((node) => (
                <li key={node.id}>
                  <Thumb node={node} current={node.id === id} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Thumb({ node, current }: { node: LineageNode; current: boolean }) {
  const image = node.thumbnail_url ? (
    // biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed.
    <img src={node.thumbnail_url} alt="" loading="lazy" className="size-full object-cover" />
  ) : (
    <span className="flex size-full items-center justify-center text-muted-foreground">
      <ImageIcon aria-hidden className="size-5" />
    </span>
  );
  const box = "block size-16 overflow-hidden rounded-lg border bg-muted sm:size-20";
  if (current)
    return (
      <span className={cn(box, "ring-[3px] ring-brand")} aria-current="page" title="This result">
        {image}
        <span className="sr-only">This result</span>
      </span>
    );
  return (
    <Link
      href={`/result/${node.id}`}
      className={cn(
        box,
        "outline-none hover:ring-2 hover:ring-ring focus-visible:ring-[3px] focus-visible:ring-ring/60",
      )}
      aria-label={`${node.depth === 1 ? "Direct" : `${node.depth} steps`} · ${node.model} · ${STATUS_LABELS[node.status]}`}
    >
      {image}
    </Link>
  );
}
