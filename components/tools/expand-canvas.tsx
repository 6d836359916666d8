"use client";
// Where the image sits on the new canvas: pick a shape (or type a size), then drag the image
// inside the preview. Values are in pixels of the result.
import { type PointerEvent, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export type Placement = { canvasWidth: number; canvasHeight: number; x: number; y: number };

const SHAPES = [
  { label: "16:9", ratio: 16 / 9 },
  { label: "9:16", ratio: 9 / 16 },
  { label: "1:1", ratio: 1 },
  { label: "4:3", ratio: 4 / 3 },
  { label: "3:2", ratio: 3 / 2 },
];

/** The smallest canvas of `ratio` that holds the image, with room to grow by `grow`. */
export function canvasFor(ratio: number, width: number, height: number, grow = 1.25): Placement {
  let cw = Math.max(width, height * ratio);
  let ch = cw / ratio;
  if (ch < height) {
    ch = height;
    cw = ch * ratio;
  }
  if (Math.abs(cw / ch - width / height) < 0.01) {
    cw *= grow;
    ch *= grow;
  }
  const [canvasWidth, canvasHeight] = [Math.round(cw), Math.round(ch)];
  return {
    canvasWidth,
    canvasHeight,
    x: Math.round((canvasWidth - width) / 2),
    y: Math.round((canvasHeight - height) / 2),
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function ExpandCanvas({
  src,
  width,
  height,
  value,
  onChange,
  max,
}: {
  src: string;
  width: number;
  height: number;
  value: Placement;
  onChange: (next: Placement) => void;
  max: number;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const drag = useRef<{ start: [number, number]; x: number; y: number } | null>(null);
  const keepInside = (p: Placement): Placement => ({
    ...p,
    x: clamp(Math.round(p.x), 0, Math.max(0, p.canvasWidth - width)),
    y: clamp(Math.round(p.y), 0, Math.max(0, p.canvasHeight - height)),
  });

  function move(event: PointerEvent) {
    const d = drag.current;
    const rect = frame.current?.getBoundingClientRect();
    if (!d || !rect) return;
    const scale = value.canvasWidth / rect.width;
    onChange(
      keepInside({
        ...value,
        x: d.x + (event.clientX - d.start[0]) * scale,
        y: d.y + (event.clientY - d.start[1]) * scale,
      }),
    );
  }

  const size = (key: "canvasWidth" | "canvasHeight", label: string) => (
    <div className="flex flex-1 flex-col gap-1">
      <Label htmlFor={`expand-${key}`}>{label}</Label>
      <Input
        id={`expand-${key}`}
        type="number"
        min={key === "canvasWidth" ? width : height}
        max={max}
        value={value[key]}
        onChange={(event) => onChange(keepInside({ ...value, [key]: Number(event.target.value) || 0 }))}
      />
    </div>
  );

  return (
    <div className="flex flex-col gap-3">
      <fieldset className="flex flex-wrap gap-1">
        <legend className="mb-1 font-medium text-sm">New shape</legend>
        {SHAPES.map((shape) => (
          <Button
            key={shape.label}
            size="sm"
            variant="outline"
            onClick={() => onChange(canvasFor(shape.ratio, width, height))}
          >
            {shape.label}
          </Button>
        ))}
      </fieldset>
      <div className="flex gap-3">
        {size("canvasWidth", "Canvas width")}
        {size("canvasHeight", "Canvas height")}
      </div>
      <div
        ref={frame}
        data-testid="expand-preview"
        className="relative w-full touch-none overflow-hidden rounded-lg border bg-[repeating-conic-gradient(var(--muted)_0_25%,transparent_0_50%)] bg-[length:16px_16px]"
        style={{ aspectRatio: `${value.canvasWidth} / ${value.canvasHeight}` }}
        onPointerMove={move}
        onPointerUp={() => {
          drag.current = null;
        }}
      >
        {/* biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed. */}
        <img
          src={src}
          alt="Placed on the new canvas; drag to move"
          draggable={false}
          className="absolute cursor-move select-none outline outline-2 outline-brand"
          style={{
            left: `${(value.x / value.canvasWidth) * 100}%`,
            top: `${(value.y / value.canvasHeight) * 100}%`,
            width: `${(width / value.canvasWidth) * 100}%`,
            height: `${(height / value.canvasHeight) * 100}%`,
          }}
          onPointerDown={(event) => {
            event.preventDefault();
            event.currentTarget.setPointerCapture(event.pointerId);
            drag.current = { start: [event.clientX, event.clientY], x: value.x, y: value.y };
          }}
        />
      </div>
      <p className="text-muted-foreground text-xs" data-testid="expand-summary">
        {`${value.canvasWidth} × ${value.canvasHeight} px canvas, image at ${value.x}, ${value.y}`}
      </p>
    </div>
  );
}
