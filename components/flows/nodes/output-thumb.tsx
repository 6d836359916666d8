"use client";

import { FilmIcon } from "lucide-react";
import Link from "next/link";
import type { RunOutput } from "@/lib/flows/graph";
import { cn } from "@/lib/utils";

/** A node's result: its thumbnail (a video's poster), linked to the result page. */
export function OutputThumb({
  output,
  generationId,
  className,
}: {
  output: RunOutput;
  generationId: string;
  className?: string;
}) {
  const video = output.mime.startsWith("video/");
  const src = output.thumb_url ?? (video ? null : output.url);
  return (
    <Link
      href={`/result/${generationId}`}
      aria-label={`Open the ${video ? "video" : "image"}`}
      className={cn(
        "nodrag group relative block overflow-hidden rounded-md border bg-muted outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
        className,
      )}
    >
      {src ? (
        // biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed.
        <img
          src={src}
          alt=""
          width={output.width ?? 512}
          height={output.height ?? 512}
          data-testid="node-thumbnail"
          className="aspect-square w-full object-cover transition-transform group-hover:scale-[1.03]"
        />
      ) : (
        <div className="flex aspect-square w-full items-center justify-center text-muted-foreground">
          <FilmIcon aria-hidden className="size-6" />
        </div>
      )}
      {video ? (
        <span className="absolute right-1.5 bottom-1.5 rounded bg-background/90 p-1 shadow-xs">
          <FilmIcon aria-hidden className="size-3.5" />
        </span>
      ) : null}
    </Link>
  );
}
