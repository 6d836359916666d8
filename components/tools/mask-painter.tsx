"use client";
// Paint the area to change over the image: brush and eraser with a size, undo and redo, clear
// and invert. The mask is kept at the image's own size and exported as white (change) on black
// (keep), the form every inpainting model takes.
import { BrushIcon, EraserIcon, FlipHorizontalIcon, Redo2Icon, Trash2Icon, Undo2Icon } from "lucide-react";
import { type PointerEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { loadImage } from "./prep-render";

export type MaskHandle = { isEmpty: () => boolean; toPng: () => Promise<Blob> };

const PAINT = "#ff2d55";
const MAX_HISTORY = 40;

export function MaskPainter({ src, handle }: { src: string; handle: RefObject<MaskHandle | null> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [brush, setBrush] = useState(24);
  const [erasing, setErasing] = useState(false);
  const [undo, setUndo] = useState<ImageData[]>([]);
  const [redo, setRedo] = useState<ImageData[]>([]);
  const last = useRef<[number, number] | null>(null);
  const sizeId = useId();

  useEffect(() => {
    loadImage(src).then((image) => {
      setSize({ width: image.naturalWidth, height: image.naturalHeight });
      setBrush(Math.max(4, Math.round(Math.min(image.naturalWidth, image.naturalHeight) / 12)));
    });
    setUndo([]);
    setRedo([]);
  }, [src]);

  const ctx = () => canvas.current?.getContext("2d", { willReadFrequently: true }) ?? null;
  const snapshot = () => {
    const c = ctx();
    return c && size ? c.getImageData(0, 0, size.width, size.height) : null;
  };
  function remember() {
    const shot = snapshot();
    if (shot) setUndo((u) => [...u, shot].slice(-MAX_HISTORY));
    setRedo([]);
  }

  useEffect(() => {
    handle.current = {
      isEmpty: () => {
        const data = snapshot()?.data;
        if (!data) return true;
        for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) return false;
        return true;
      },
      toPng: () => exportMask(snapshot()),
    };
  });

  function point(event: PointerEvent<HTMLCanvasElement>): [number, number] {
    const rect = event.currentTarget.getBoundingClientRect();
    const scale = (size?.width ?? rect.width) / rect.width;
    return [(event.clientX - rect.left) * scale, (event.clientY - rect.top) * scale];
  }

  function stroke(from: [number, number], to: [number, number]) {
    const c = ctx();
    if (!c) return;
    c.globalCompositeOperation = erasing ? "destination-out" : "source-over";
    c.strokeStyle = PAINT;
    c.fillStyle = PAINT;
    c.lineWidth = brush;
    c.lineCap = "round";
    c.lineJoin = "round";
    c.beginPath();
    c.moveTo(...from);
    c.lineTo(...to);
    c.stroke();
    c.beginPath();
    c.arc(to[0], to[1], brush / 2, 0, Math.PI * 2);
    c.fill();
  }

  function restore(from: ImageData[], setFrom: typeof setUndo, setTo: typeof setUndo) {
    const previous = from.at(-1);
    const current = snapshot();
    if (!previous || !current) return;
    ctx()?.putImageData(previous, 0, 0);
    setFrom(from.slice(0, -1));
    setTo((t) => [...t, current]);
  }

  function invert() {
    const shot = snapshot();
    const c = ctx();
    if (!shot || !c) return;
    remember();
    const { data } = shot;
    for (let i = 0; i < data.length; i += 4) {
      const painted = (data[i + 3] as number) > 0;
      data.set(painted ? [0, 0, 0, 0] : [255, 45, 85, 255], i);
    }
    c.putImageData(shot, 0, 0);
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-1" role="toolbar" aria-label="Mask tools">
        <Button
          size="sm"
          variant={erasing ? "ghost" : "secondary"}
          aria-pressed={!erasing}
          onClick={() => setErasing(false)}
        >
          <BrushIcon /> Brush
        </Button>
        <Button
          size="sm"
          variant={erasing ? "secondary" : "ghost"}
          aria-pressed={erasing}
          onClick={() => setErasing(true)}
        >
          <EraserIcon /> Eraser
        </Button>
        <Button
          size="sm"
          variant="outline"
          aria-label="Undo"
          disabled={undo.length === 0}
          onClick={() => restore(undo, setUndo, setRedo)}
        >
          <Undo2Icon />
        </Button>
        <Button
          size="sm"
          variant="outline"
          aria-label="Redo"
          disabled={redo.length === 0}
          onClick={() => restore(redo, setRedo, setUndo)}
        >
          <Redo2Icon />
        </Button>
        <Button size="sm" variant="outline" onClick={invert}>
          <FlipHorizontalIcon /> Invert
        </Button>
        <Button
          size="sm"
          variant="outline"
          onClick={() => {
            remember();
            if (size) ctx()?.clearRect(0, 0, size.width, size.height);
          }}
        >
          <Trash2Icon /> Clear
        </Button>
      </div>
      <div className="flex items-center gap-3">
        <label htmlFor={sizeId} className="text-sm">
          Brush size
        </label>
        <input
          id={sizeId}
          type="range"
          min={2}
          max={Math.max(8, Math.round((size ? Math.min(size.width, size.height) : 200) / 2))}
          value={brush}
          onChange={(event) => setBrush(Number(event.target.value))}
          className="flex-1 accent-[var(--brand)]"
        />
        <span className="w-14 text-right text-muted-foreground text-xs tabular-nums">{`${brush} px`}</span>
      </div>
      <div className="relative w-full overflow-hidden rounded-lg border">
        {/* biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed. */}
        <img
          src={src}
          alt="Source for inpainting"
          className="block h-auto w-full select-none"
          draggable={false}
        />
        {size ? (
          <canvas
            ref={canvas}
            width={size.width}
            height={size.height}
            aria-label="Mask: paint the area to change"
            data-testid="mask-canvas"
            className="absolute inset-0 size-full cursor-crosshair touch-none opacity-55"
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              remember();
              const p = point(event);
              last.current = p;
              stroke(p, p);
            }}
            onPointerMove={(event) => {
              if (!last.current) return;
              const p = point(event);
              stroke(last.current, p);
              last.current = p;
            }}
            onPointerUp={() => {
              last.current = null;
            }}
          />
        ) : null}
      </div>
    </div>
  );
}

/** White where painted, black elsewhere, at the image's size. */
function exportMask(shot: ImageData | null): Promise<Blob> {
  if (!shot) return Promise.reject(new Error("Nothing to export"));
  const out = document.createElement("canvas");
  out.width = shot.width;
  out.height = shot.height;
  const c = out.getContext("2d");
  if (!c) return Promise.reject(new Error("No 2D canvas"));
  const bw = c.createImageData(shot.width, shot.height);
  for (let i = 0; i < shot.data.length; i += 4) {
    const v = (shot.data[i + 3] as number) >= 128 ? 255 : 0;
    bw.data.set([v, v, v, 255], i);
  }
  c.putImageData(bw, 0, 0);
  return new Promise((resolve, reject) =>
    out.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("Could not encode the mask"))),
      "image/png",
    ),
  );
}
