"use client";

import { useQuery } from "@tanstack/react-query";
import { listUrl } from "@/components/generations/query-keys";
import type { GenerationPage } from "@/components/generations/types";
import { fetchJson } from "@/components/providers/fetch-json";

export type PickedImage = { url: string; parentId?: string };

/** The newest finished images of mine, to pick one as a tool's input. */
export function HistoryImages({ onPick, label }: { onPick: (image: PickedImage) => void; label: string }) {
  const list = useQuery({
    queryKey: ["generations", "history-picker"],
    queryFn: ({ signal }) =>
      fetchJson<GenerationPage>(listUrl({ limit: 24, kind: "image", status: "completed" }), { signal }),
    staleTime: 10_000,
  });
  const images = (list.data?.items ?? []).flatMap((item) =>
    item.outputs
      .filter((o) => o.mime.startsWith("image/"))
      .map((o) => ({ url: o.url, thumb: o.thumbnail_url ?? o.url, parentId: item.id, prompt: item.prompt })),
  );
  if (list.isPending) return <p className="text-muted-foreground text-sm">Loading your images…</p>;
  if (images.length === 0)
    return <p className="text-muted-foreground text-sm">No images in your history yet.</p>;
  return (
    <ul aria-label={label} className="grid grid-cols-4 gap-2 sm:grid-cols-6">
      {images.slice(0, 24).map((image, index) => (
        <li key={image.url}>
          <button
            type="button"
            className="block aspect-square w-full overflow-hidden rounded-md border outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
            aria-label={`Use ${image.prompt ? `“${image.prompt.slice(0, 40)}”` : `image ${index + 1}`}`}
            onClick={() => onPick({ url: image.url, parentId: image.parentId })}
          >
            {/* biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed. */}
            <img src={image.thumb} alt="" className="size-full object-cover" />
          </button>
        </li>
      ))}
    </ul>
  );
}
