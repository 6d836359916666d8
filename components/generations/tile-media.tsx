import { BanIcon, CircleAlertIcon, FilmIcon, LoaderCircleIcon } from "lucide-react";
import type { Generation } from "./types";

/** What a square tile shows: the thumbnail, a video mark, progress, or why it failed. */
export function TileMedia({ item }: { item: Generation }) {
  const output = item.outputs[0];
  if (item.status === "completed" && output) {
    if (output.text !== undefined) {
      return (
        <div className="flex size-full flex-col gap-1 overflow-hidden bg-muted/50 p-3 text-left">
          <span className="font-medium text-muted-foreground text-xs capitalize">
            {output.label ?? "Text"}
          </span>
          <p className="line-clamp-6 text-xs">{output.text}</p>
        </div>
      );
    }
    if (output.mime.startsWith("video/") || item.kind === "video") {
      return (
        <div className="flex size-full flex-col items-center justify-center gap-2 bg-gradient-to-br from-muted to-accent text-muted-foreground">
          <FilmIcon aria-hidden className="size-8" />
          <span className="text-xs">Video</span>
        </div>
      );
    }
    return (
      // biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed.
      <img
        src={output.thumbnail_url ?? output.url}
        alt={item.prompt ?? "Generated image"}
        width={output.width ?? 512}
        height={output.height ?? 512}
        loading="lazy"
        decoding="async"
        className="size-full object-cover"
      />
    );
  }
  if (item.status === "failed") {
    return (
      <div className="flex size-full flex-col items-center justify-center gap-2 p-3 text-center">
        <CircleAlertIcon aria-hidden className="size-5 shrink-0 text-destructive" />
        <p className="line-clamp-4 text-muted-foreground text-xs">{item.error ?? "Failed"}</p>
      </div>
    );
  }
  if (item.status === "canceled") {
    return (
      <div className="flex size-full items-center justify-center text-muted-foreground">
        <BanIcon aria-hidden className="size-6" />
      </div>
    );
  }
  return (
    <div className="flex size-full flex-col items-center justify-center gap-2 p-3 text-center">
      {item.status === "completed" ? null : (
        <LoaderCircleIcon aria-hidden className="size-6 animate-spin text-muted-foreground" />
      )}
      {item.prompt ? <p className="line-clamp-3 text-muted-foreground text-xs">{item.prompt}</p> : null}
    </div>
  );
}
