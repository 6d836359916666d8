"use client";
// Expand: grow the canvas around an image. Canvas models take a size and a place (dragged in
// the preview); per-side models take pixels per side, from their own sliders.
import { useEffect, useState } from "react";
import type { LiteModel } from "@/lib/models-lite";
import { canvasFor, ExpandCanvas, type Placement } from "./expand-canvas";
import type { PickedImage } from "./history-images";
import { ImagePicker } from "./image-picker";
import { loadImage } from "./prep-render";
import { ToolPanel } from "./tool-panel";

const CANVAS_PARAMS = ["canvas_width", "canvas_height", "image_x", "image_y"] as const;
const placesOnCanvas = (model: LiteModel) => model.params.some((p) => p.name === "canvas_width");
const maxSide = (model: LiteModel) => model.params.find((p) => p.name === "canvas_width")?.max ?? 5000;

export function ExpandTool({ initial }: { initial: PickedImage | null }) {
  const [image, setImage] = useState<PickedImage | null>(initial);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);

  useEffect(() => {
    setSize(null);
    if (!image) return;
    loadImage(image.url).then((img) => {
      setSize({ width: img.naturalWidth, height: img.naturalHeight });
      setPlacement(canvasFor(16 / 9, img.naturalWidth, img.naturalHeight));
    });
  }, [image]);

  return (
    <ToolPanel
      tool="expand"
      actionLabel="Expand"
      handled={["image", ...CANVAS_PARAMS]}
      input={(model) => ({
        ...(image && { image: image.url }),
        ...(placement &&
          placesOnCanvas(model) && {
            canvas_width: placement.canvasWidth,
            canvas_height: placement.canvasHeight,
            image_x: placement.x,
            image_y: placement.y,
          }),
      })}
      blocker={() => (image ? null : "Pick an image first.")}
      parentId={image?.parentId}
      result={(item) => (
        // biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed.
        <img
          src={item.outputs[0]?.url}
          alt="Expanded"
          className="h-auto max-h-[70vh] w-full rounded-xl border object-contain"
        />
      )}
    >
      {(model) => (
        <>
          <ImagePicker label="Image" value={image} onChange={setImage} />
          {image && size && placement && placesOnCanvas(model) ? (
            <ExpandCanvas
              src={image.url}
              width={size.width}
              height={size.height}
              value={placement}
              onChange={setPlacement}
              max={maxSide(model)}
            />
          ) : null}
        </>
      )}
    </ToolPanel>
  );
}
