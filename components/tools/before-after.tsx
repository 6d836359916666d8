"use client";

import { useId, useState } from "react";

/**
 * The input and the result in one frame, divided by a slider: left of the line is before,
 * right of it after. Both fill the same box, so an upscale compares like for like.
 */
export function BeforeAfter({ before, after, alt }: { before: string; after: string; alt: string }) {
  const [split, setSplit] = useState(50);
  const id = useId();
  return (
    <figure className="flex flex-col gap-2" data-testid="before-after">
      <div className="relative overflow-hidden rounded-xl border bg-[repeating-conic-gradient(var(--muted)_0_25%,transparent_0_50%)] bg-[length:16px_16px]">
        {/* biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed. */}
        <img src={after} alt={`${alt}, after`} className="block h-auto max-h-[70vh] w-full object-contain" />
        <div className="absolute inset-0" style={{ clipPath: `inset(0 ${100 - split}% 0 0)` }}>
          {/* biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed. */}
          <img src={before} alt={`${alt}, before`} className="size-full bg-background object-contain" />
        </div>
        <div aria-hidden className="absolute inset-y-0 w-0.5 bg-brand" style={{ left: `${split}%` }} />
        <span className="absolute top-2 left-2 rounded bg-background/85 px-2 py-0.5 text-xs">Before</span>
        <span className="absolute top-2 right-2 rounded bg-background/85 px-2 py-0.5 text-xs">After</span>
      </div>
      <label htmlFor={id} className="sr-only">
        Compare before and after
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        value={split}
        onChange={(event) => setSplit(Number(event.target.value))}
        className="w-full accent-[var(--brand)]"
      />
    </figure>
  );
}
