"use client";

import { CropIcon, ImagePlusIcon, XIcon } from "lucide-react";
import { type DragEvent, useState } from "react";
import { IMAGE_ACCEPT, type UploadItem, useUpload } from "@/components/generations/use-upload";
import { ImagePrep } from "@/components/tools/image-prep";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { describedBy, type FieldProps, FieldShell } from "./field-shell";

/** One image (`image`) or a list (`images`): upload, preview, remove, drop files onto it. */
export function ImageField({ param, id, value, onChange, error, disabled }: FieldProps<string | string[]>) {
  const multiple = param.control === "images";
  const max = multiple ? (param.max ?? 14) : 1;
  const urls = Array.isArray(value) ? value : value ? [value] : [];
  const upload = useUpload();
  const [dragging, setDragging] = useState(false);
  /** The image being prepared (cropped, turned, flipped) before use. */
  const [preparing, setPreparing] = useState<string | null>(null);
  const room = max - urls.length;

  function commit(next: string[]) {
    onChange(multiple ? next : (next[0] ?? ""));
  }

  function add(files: File[]) {
    if (files.length === 0 || disabled) return;
    // A single-image field replaces its image; a list fills the room it has left.
    const batch = multiple ? files.slice(0, Math.max(room, 0)) : files.slice(0, 1);
    if (batch.length === 0) return;
    void upload.start(batch, (uploaded) =>
      commit(multiple ? [...urls, ...uploaded.map((f) => f.url)] : uploaded.map((f) => f.url)),
    );
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    add([...event.dataTransfer.files]);
  }

  const message = error ?? upload.error ?? undefined;
  return (
    <FieldShell
      param={param}
      id={id}
      error={message}
      labelFor={false}
      aside={
        multiple ? (
          <span className="text-muted-foreground text-xs tabular-nums">{`${urls.length}/${max}`}</span>
        ) : null
      }
    >
      <ul
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy(param, id, message)}
        className={cn("grid grid-cols-3 gap-2 rounded-lg sm:grid-cols-4", dragging && "ring-2 ring-brand")}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {urls.map((url, index) => (
          <li key={url} className="relative aspect-square overflow-hidden rounded-md border bg-muted">
            {/* biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed. */}
            <img src={url} alt={`${param.label} ${index + 1}`} className="size-full object-cover" />
            <Button
              type="button"
              size="icon"
              variant="secondary"
              disabled={disabled}
              aria-label={`Crop, rotate or flip ${param.label.toLowerCase()} ${index + 1}`}
              className="absolute top-1 left-1 rounded-full bg-background/90 shadow"
              onClick={() => setPreparing(url)}
            >
              <CropIcon />
            </Button>
            <Button
              type="button"
              size="icon"
              variant="secondary"
              disabled={disabled}
              aria-label={`Remove ${param.label.toLowerCase()} ${index + 1}`}
              className="absolute top-1 right-1 rounded-full bg-background/90 shadow"
              onClick={() => commit(urls.filter((u) => u !== url))}
            >
              <XIcon />
            </Button>
          </li>
        ))}
        {upload.items.map((item) => (
          <UploadTile key={item.key} item={item} onCancel={() => upload.cancel(item.key)} />
        ))}
        {(room > 0 || !multiple) && !upload.isPending ? (
          <li className="aspect-square">
            <input
              id={id}
              type="file"
              accept={IMAGE_ACCEPT}
              multiple={multiple && room > 1}
              disabled={disabled}
              className="peer sr-only"
              onChange={(event) => {
                add([...(event.target.files ?? [])]);
                event.target.value = "";
              }}
            />
            <label
              htmlFor={id}
              className="flex size-full cursor-pointer flex-col items-center justify-center gap-1 rounded-md border border-dashed p-2 text-center text-muted-foreground text-xs transition-colors hover:border-foreground/30 hover:text-foreground peer-focus-visible:ring-[3px] peer-focus-visible:ring-ring/50 peer-disabled:opacity-50"
            >
              <ImagePlusIcon aria-hidden className="size-5" />
              {urls.length > 0 && !multiple ? "Replace" : "Add image"}
              <span className="sr-only">{` for ${param.label}`}</span>
            </label>
          </li>
        ) : null}
      </ul>
      {preparing ? (
        <ImagePrep
          src={preparing}
          onCancel={() => setPreparing(null)}
          onDone={(prepared) => {
            commit(urls.map((u) => (u === preparing ? prepared.url : u)));
            setPreparing(null);
          }}
        />
      ) : null}
    </FieldShell>
  );
}

/** A file on its way: how much has been sent, then "Processing" while the server checks it. */
function UploadTile({ item, onCancel }: { item: UploadItem; onCancel: () => void }) {
  const percent = item.total > 0 ? Math.floor((item.sent / item.total) * 100) : 0;
  const label = item.phase === "processing" ? "Processing…" : `${percent}%`;
  return (
    <li
      className="relative flex aspect-square flex-col justify-end gap-1 rounded-md border border-dashed p-2"
      data-testid="upload-progress"
    >
      <span className="truncate text-muted-foreground text-xs" title={item.name}>
        {item.name}
      </span>
      <div
        role="progressbar"
        aria-label={`Uploading ${item.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={label}
        className="h-1.5 overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full bg-brand transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-xs tabular-nums" role="status">
        {label}
      </span>
      {item.phase === "sending" ? (
        <Button
          type="button"
          size="icon"
          variant="secondary"
          aria-label={`Cancel uploading ${item.name}`}
          className="absolute top-1 right-1 rounded-full bg-background/90 shadow"
          onClick={onCancel}
        >
          <XIcon />
        </Button>
      ) : null}
    </li>
  );
}
