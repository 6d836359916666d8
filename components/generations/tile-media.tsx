import { BanIcon, CircleAlertIcon, FilmIcon, LoaderCircleIcon, PlayIcon } from "lucide-react";
import type { Generation, GenerationOutput } from "./types";
import { formatVideoDuration } from "./video-duration";

type Loading = "eager" | "lazy";

/** What a square tile shows: the thumbnail, a video's poster and length, progress, or why it failed. */
export function TileMedia({ item, loading = "lazy" }: { item: Generation; loading?: Loading }) {
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
      return <VideoTile output={output} alt={item.prompt ?? "Generated video"} loading={loading} />;
    }
    return (
      // biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed.
      <img
        src={output.thumbnail_url ?? output.url}
        alt={item.prompt ?? "Generated image"}
        width={output.width ?? 512}
        height={output.height ?? 512}
        loading={loading}
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

/** The poster (a video's first frame) with a play mark and the length in a corner; a film mark without one. */
function VideoTile({ output, alt, loading }: { output: GenerationOutput; alt: string; loading: Loading }) {
  const duration = formatVideoDuration(output.duration);
  return (
    <>
      {output.thumbnail_url ? (
        // biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed.
        <img
          src={output.thumbnail_url}
          alt={alt}
          width={output.width ?? 512}
          height={output.height ?? 288}
          loading={loading}
          decoding="async"
          className="size-full object-cover"
          data-testid="video-poster"
        />
      ) : (
        <div className="flex size-full flex-col items-center justify-center gap-2 bg-gradient-to-br from-muted to-accent text-muted-foreground">
          <FilmIcon aria-hidden className="size-8" />
          <span className="text-xs">Video</span>
        </div>
      )}
      {output.thumbnail_url ? (
        <span className="pointer-events-none absolute inset-0 flex items-center justify-center">
          <span className="flex size-9 items-center justify-center rounded-full bg-black/45 text-white">
            <PlayIcon aria-hidden className="size-4 fill-current" />
          </span>
        </span>
      ) : null}
      {duration ? (
        <span
          data-testid="video-duration"
          className="pointer-events-none absolute bottom-2 left-2 rounded bg-black/70 px-1.5 py-0.5 font-medium text-white text-xs tabular-nums"
        >
          <span className="sr-only">Length </span>
          {duration}
        </span>
      ) : null}
    </>
  );
}
