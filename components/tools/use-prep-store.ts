"use client";
// Image prep state: rotation, flips and the crop box, with undo and redo. Each change is one
// step; a crop drag commits one step when it ends, not one per pointer move.
import { create } from "zustand";

/** The crop box in fractions of the (rotated, flipped) image: 0..1 on each axis. */
export type CropBox = { x: number; y: number; w: number; h: number };
export type PrepState = { rotation: 0 | 90 | 180 | 270; flipH: boolean; flipV: boolean; crop: CropBox };

export const FULL: CropBox = { x: 0, y: 0, w: 1, h: 1 };
export const INITIAL: PrepState = { rotation: 0, flipH: false, flipV: false, crop: FULL };
const MAX_STEPS = 50;

type PrepStore = {
  past: PrepState[];
  present: PrepState;
  future: PrepState[];
  /** A crop box being dragged: shown, not yet a step. */
  draft: CropBox | null;
  reset: () => void;
  apply: (change: (state: PrepState) => PrepState) => void;
  setDraft: (crop: CropBox | null) => void;
  commitDraft: () => void;
  undo: () => void;
  redo: () => void;
};

export const usePrepStore = create<PrepStore>()((set, get) => ({
  past: [],
  present: INITIAL,
  future: [],
  draft: null,
  reset: () => set({ past: [], present: INITIAL, future: [], draft: null }),
  apply: (change) =>
    set((s) => ({ past: [...s.past, s.present].slice(-MAX_STEPS), present: change(s.present), future: [] })),
  setDraft: (crop) => set({ draft: crop }),
  commitDraft: () => {
    const { draft } = get();
    if (!draft) return;
    set({ draft: null });
    get().apply((state) => ({ ...state, crop: draft }));
  },
  undo: () =>
    set((s) => {
      const previous = s.past.at(-1);
      if (!previous) return s;
      return { past: s.past.slice(0, -1), present: previous, future: [s.present, ...s.future] };
    }),
  redo: () =>
    set((s) => {
      const [next, ...rest] = s.future;
      if (!next) return s;
      return { past: [...s.past, s.present], present: next, future: rest };
    }),
}));

/** Rotating turns the crop box with the picture. */
export function rotateCrop(crop: CropBox, clockwise: boolean): CropBox {
  return clockwise
    ? { x: 1 - crop.y - crop.h, y: crop.x, w: crop.h, h: crop.w }
    : { x: crop.y, y: 1 - crop.x - crop.w, w: crop.h, h: crop.w };
}

export function flipCrop(crop: CropBox, horizontal: boolean): CropBox {
  return horizontal ? { ...crop, x: 1 - crop.x - crop.w } : { ...crop, y: 1 - crop.y - crop.h };
}

/** The largest centred box of `ratio` (width / height, in pixels) inside an image of `aspect`. */
export function boxForRatio(ratio: number | null, aspect: number): CropBox {
  if (ratio === null) return FULL;
  const w = Math.min(1, ratio / aspect);
  const h = Math.min(1, aspect / ratio);
  return { x: (1 - w) / 2, y: (1 - h) / 2, w, h };
}
