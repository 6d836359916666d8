"use client";

import { useQuery } from "@tanstack/react-query";
import { LoaderCircleIcon } from "lucide-react";
import { listUrl } from "@/components/generations/query-keys";
import type { GenerationPage } from "@/components/generations/types";
import { fetchJson } from "@/components/providers/fetch-json";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";

export type PickedImage = {
  asset_id: string;
  url: string;
  thumbnail_url: string | null;
  name: string;
};

/** A dialog of the person's recent images; picking one hands it to the node. */
export function HistoryPicker({
  open,
  onOpenChange,
  onPick,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onPick: (image: PickedImage) => void;
}) {
  const list = useQuery({
    queryKey: ["generations", "picker", "image"],
    queryFn: ({ signal }) =>
      fetchJson<GenerationPage>(listUrl({ limit: 30, kind: "image", status: "completed" }), { signal }),
    enabled: open,
  });
  // Only files with an asset id: the node keeps the id, never a link that expires.
  const items = (list.data?.items ?? []).flatMap((item) =>
    item.outputs.flatMap((output, index) =>
      output.asset_id ? [{ item, output, assetId: output.asset_id, key: `${item.id}-${index}` }] : [],
    ),
  );
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogTitle>Pick an image</DialogTitle>
        <DialogDescription>From the images you made most recently.</DialogDescription>
        {list.isPending ? (
          <div className="flex justify-center py-8" aria-busy="true">
            <LoaderCircleIcon aria-hidden className="size-6 animate-spin text-muted-foreground" />
          </div>
        ) : items.length === 0 ? (
          <p className="py-6 text-center text-muted-foreground text-sm">No images yet. Upload one instead.</p>
        ) : (
          <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4">
            {items.map(({ item, output, assetId, key }) => (
              <li key={key}>
                <button
                  type="button"
                  className="block aspect-square w-full overflow-hidden rounded-md border bg-muted outline-none transition-opacity hover:opacity-90 focus-visible:ring-[3px] focus-visible:ring-ring/50"
                  onClick={() => {
                    onPick({
                      asset_id: assetId,
                      url: output.url,
                      thumbnail_url: output.thumbnail_url,
                      name: item.prompt ?? "Image from history",
                    });
                    onOpenChange(false);
                  }}
                >
                  {/* biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed. */}
                  <img
                    src={output.thumbnail_url ?? output.url}
                    alt={item.prompt ?? "Generated image"}
                    className="size-full object-cover"
                    loading="lazy"
                  />
                </button>
              </li>
            ))}
          </ul>
        )}
      </DialogContent>
    </Dialog>
  );
}
