"use client";

import { HistoryIcon, LoaderCircleIcon, UploadIcon } from "lucide-react";
import { useId, useState } from "react";
import { IMAGE_ACCEPT, useUpload } from "@/components/generations/use-upload";
import { Button } from "@/components/ui/button";
import { useNodePorts } from "../catalog";
import { useFlowStore } from "../store/flow-store-context";
import { asNode, type NodeBodyProps } from "./as-node";
import { HistoryPicker } from "./history-picker";
import { NodeFrame } from "./node-frame";
import { KIND_LOOK } from "./node-kinds";
import { useImagePreview } from "./use-image-preview";

export const ImageNode = asNode<"image">(function ImageNode({ id, data, selected }: NodeBodyProps<"image">) {
  const update = useFlowStore((s) => s.updateData);
  const setImage = useFlowStore((s) => s.setImage);
  const readOnly = useFlowStore((s) => s.readOnly);
  const preview = useImagePreview(data);
  const upload = useUpload();
  const [picking, setPicking] = useState(false);
  const inputId = useId();
  const choose = (assetId: string, url: string, label: string) => {
    setImage(assetId, url);
    update(id, { asset_id: assetId, url: undefined, label: label.slice(0, 100) });
  };
  const ports = useNodePorts("image");
  return (
    <NodeFrame id={id} {...KIND_LOOK.image} ports={ports} selected={selected} showOutput={false}>
      {preview ? (
        // biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed.
        <img
          src={preview}
          alt={data.label ?? "Input image"}
          className="aspect-square w-full rounded-md border bg-muted object-cover"
        />
      ) : (
        <div className="flex aspect-[4/3] w-full items-center justify-center rounded-md border border-dashed bg-muted/50 text-center text-muted-foreground text-xs">
          {upload.isPending ? (
            <LoaderCircleIcon aria-hidden className="size-5 animate-spin" />
          ) : (
            "No image yet"
          )}
        </div>
      )}
      {upload.error ? <p className="text-destructive text-xs">{upload.error}</p> : null}
      {readOnly ? null : (
        <div className="nodrag grid grid-cols-2 gap-1.5">
          <Button asChild variant="outline" size="sm" className="cursor-pointer">
            <label htmlFor={inputId}>
              <UploadIcon aria-hidden />
              Upload
              <input
                id={inputId}
                type="file"
                accept={IMAGE_ACCEPT}
                className="sr-only"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = "";
                  if (file)
                    void upload.start([file], ([done]) => {
                      if (done) choose(done.asset_id, done.url, file.name);
                    });
                }}
              />
            </label>
          </Button>
          <Button variant="outline" size="sm" onClick={() => setPicking(true)}>
            <HistoryIcon aria-hidden />
            History
          </Button>
        </div>
      )}
      <HistoryPicker
        open={picking}
        onOpenChange={setPicking}
        onPick={(image) => choose(image.asset_id, image.thumbnail_url ?? image.url, image.name)}
      />
    </NodeFrame>
  );
});
