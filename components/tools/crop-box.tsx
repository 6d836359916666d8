"use client";
// The crop rectangle over the preview: drag it to move, drag its corner to resize (keeping the
// chosen ratio). Keyboard: arrows move it, Shift+arrows resize it.
import type { KeyboardEvent, PointerEvent } from "react";
import { useRef } from "react";
import type { CropBox } from "./use-prep-store";

const MIN = 0.05;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function CropOverlay({
  box,
  ratio,
  aspect,
  onDraft,
  onCommit,
}: {
  box: CropBox;
  /** Width / height in pixels, or null for free. */
  ratio: number | null;
  /** The oriented image's width / height. */
  aspect: number;
  onDraft: (box: CropBox) => void;
  onCommit: () => void;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const drag = useRef<{ mode: "move" | "resize"; start: [number, number]; box: CropBox } | null>(null);

  function placeBox(next: CropBox, mode: "move" | "resize"): CropBox {
    if (mode === "move") return { ...next, x: clamp(next.x, 0, 1 - next.w), y: clamp(next.y, 0, 1 - next.h) };
    let w = clamp(next.w, MIN, 1 - next.x);
    let h = clamp(next.h, MIN, 1 - next.y);
    if (ratio !== null) {
      // In fractions, a pixel ratio r is h = w * aspect / r.
      h = (w * aspect) / ratio;
      if (next.y + h > 1) {
        h = 1 - next.y;
        w = (h * ratio) / aspect;
      }
    }
    return { ...next, w, h };
  }

  function down(mode: "move" | "resize", event: PointerEvent) {
    event.preventDefault();
    event.stopPropagation();
    (event.target as Element).setPointerCapture(event.pointerId);
    drag.current = { mode, start: [event.clientX, event.clientY], box };
  }

  function move(event: PointerEvent) {
    const d = drag.current;
    const rect = frame.current?.getBoundingClientRect();
    if (!d || !rect) return;
    const dx = (event.clientX - d.start[0]) / rect.width;
    const dy = (event.clientY - d.start[1]) / rect.height;
    const next =
      d.mode === "move"
        ? { ...d.box, x: d.box.x + dx, y: d.box.y + dy }
        : { ...d.box, w: d.box.w + dx, h: d.box.h + dy };
    onDraft(placeBox(next, d.mode));
  }

  function up() {
    if (!drag.current) return;
    drag.current = null;
    onCommit();
  }

  function key(event: KeyboardEvent) {
    const step = 0.02;
    const [dx, dy] =
      { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[
        event.key
      ] ?? [];
    if (dx === undefined || dy === undefined) return;
    event.preventDefault();
    const mode = event.shiftKey ? "resize" : "move";
    const next =
      mode === "move" ? { ...box, x: box.x + dx, y: box.y + dy } : { ...box, w: box.w + dx, h: box.h + dy };
    onDraft(placeBox(next, mode));
    onCommit();
  }

  return (
    <div ref={frame} className="absolute inset-0 touch-none" onPointerMove={move} onPointerUp={up}>
      <div
        role="slider"
        tabIndex={0}
        aria-label="Crop area: arrows move it, Shift and arrows resize it"
        aria-valuetext={`${Math.round(box.w * 100)}% by ${Math.round(box.h * 100)}%`}
        aria-valuenow={Math.round(box.x * 100)}
        data-testid="crop-box"
        className="absolute cursor-move border-2 border-white shadow-[0_0_0_9999px_rgba(0,0,0,0.45)] outline-none focus-visible:border-brand"
        style={{
          left: `${box.x * 100}%`,
          top: `${box.y * 100}%`,
          width: `${box.w * 100}%`,
          height: `${box.h * 100}%`,
        }}
        onPointerDown={(event) => down("move", event)}
        onKeyDown={key}
      >
        <span
          aria-hidden
          data-testid="crop-handle"
          className="absolute right-0.5 bottom-0.5 size-5 cursor-nwse-resize rounded-full border-2 border-white bg-brand"
          onPointerDown={(event) => down("resize", event)}
        />
      </div>
    </div>
  );
}
