"use client";
// Prepare an image before it goes into a model: crop (free or a fixed ratio), rotate, flip,
// with undo and redo. The result is uploaded as a new asset; the original stays as it was.
import {
  FlipHorizontal2Icon,
  FlipVertical2Icon,
  Redo2Icon,
  RotateCcwIcon,
  RotateCwIcon,
  Undo2Icon,
} from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { sendUpload } from "@/components/generations/send-upload";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { UploadedImage } from "@/lib/uploads/limits";
import { CropOverlay } from "./crop-box";
import { loadImage, orient, render, toPngFile } from "./prep-render";
import { boxForRatio, flipCrop, rotateCrop, usePrepStore } from "./use-prep-store";

const RATIOS: { label: string; value: number | null }[] = [
  { label: "Free", value: null },
  { label: "1:1", value: 1 },
  { label: "4:3", value: 4 / 3 },
  { label: "3:4", value: 3 / 4 },
  { label: "16:9", value: 16 / 9 },
  { label: "9:16", value: 9 / 16 },
];

export function ImagePrep({
  src,
  onDone,
  onCancel,
}: {
  src: string;
  onDone: (uploaded: UploadedImage) => void;
  onCancel: () => void;
}) {
  const store = usePrepStore();
  const { present, draft } = store;
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [ratio, setRatio] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const preview = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    usePrepStore.getState().reset();
    loadImage(src).then(setImage, (e: Error) => setError(e.message));
  }, [src]);

  const { rotation, flipH, flipV } = present;
  // Re-drawn when the picture turns or flips, not on every crop move.
  const oriented = useMemo(
    () => (image ? orient(image, { rotation, flipH, flipV, crop: { x: 0, y: 0, w: 1, h: 1 } }) : null),
    [image, rotation, flipH, flipV],
  );
  const aspect = oriented ? oriented.width / oriented.height : 1;
  useEffect(() => {
    const canvas = preview.current;
    if (!canvas || !oriented) return;
    canvas.width = oriented.width;
    canvas.height = oriented.height;
    canvas.getContext("2d")?.drawImage(oriented, 0, 0);
  }, [oriented]);

  const turn = (clockwise: boolean) =>
    store.apply((s) => ({
      ...s,
      rotation: ((s.rotation + (clockwise ? 90 : 270)) % 360) as typeof s.rotation,
      crop: rotateCrop(s.crop, clockwise),
    }));
  const flip = (horizontal: boolean) =>
    store.apply((s) => ({
      ...s,
      ...(horizontal ? { flipH: !s.flipH } : { flipV: !s.flipV }),
      crop: flipCrop(s.crop, horizontal),
    }));

  async function save() {
    if (!image) return;
    setSaving(true);
    setError(null);
    try {
      const file = await toPngFile(render(image, present), "prepared.png");
      onDone(await sendUpload(file, () => {}, new AbortController().signal));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  const box = draft ?? present.crop;
  const size = oriented
    ? `${Math.round(box.w * oriented.width)} × ${Math.round(box.h * oriented.height)} px`
    : "";
  return (
    <section aria-label="Prepare image" className="flex flex-col gap-3 rounded-lg border p-3">
      <div className="flex flex-wrap gap-1" role="toolbar" aria-label="Image tools">
        <Button size="sm" variant="outline" onClick={() => turn(false)} aria-label="Rotate left">
          <RotateCcwIcon />
        </Button>
        <Button size="sm" variant="outline" onClick={() => turn(true)} aria-label="Rotate right">
          <RotateCwIcon />
        </Button>
        <Button size="sm" variant="outline" onClick={() => flip(true)} aria-label="Flip horizontally">
          <FlipHorizontal2Icon />
        </Button>
        <Button size="sm" variant="outline" onClick={() => flip(false)} aria-label="Flip vertically">
          <FlipVertical2Icon />
        </Button>
        <Button
          size="sm"
          variant="outline"
          onClick={store.undo}
          disabled={store.past.length === 0}
          aria-label="Undo"
        >
          <Undo2Icon />
        </Button>
        <Button
          size="sm"
          variant="outline"
          onClick={store.redo}
          disabled={store.future.length === 0}
          aria-label="Redo"
        >
          <Redo2Icon />
        </Button>
      </div>
      <fieldset className="flex flex-wrap gap-1">
        <legend className="mb-1 font-medium text-sm">Crop</legend>
        {RATIOS.map((r) => (
          <Button
            key={r.label}
            size="sm"
            variant={ratio === r.value ? "secondary" : "ghost"}
            aria-pressed={ratio === r.value}
            onClick={() => {
              setRatio(r.value);
              store.apply((s) => ({ ...s, crop: boxForRatio(r.value, aspect) }));
            }}
          >
            {r.label}
          </Button>
        ))}
      </fieldset>
      <div className="relative mx-auto w-fit max-w-full overflow-hidden">
        <canvas ref={preview} className="block h-auto max-h-[50vh] max-w-full" data-testid="prep-preview" />
        {oriented ? (
          <CropOverlay
            box={box}
            ratio={ratio}
            aspect={aspect}
            onDraft={store.setDraft}
            onCommit={store.commitDraft}
          />
        ) : null}
      </div>
      <p className="text-muted-foreground text-xs" data-testid="prep-size">
        {`Result: ${size}`}
      </p>
      {error ? <FormMessage>{error}</FormMessage> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="brand" onClick={save} disabled={!image || saving}>
          {saving ? "Saving…" : "Use this image"}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </section>
  );
}
