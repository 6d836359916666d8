"use client";

import { ImagePlusIcon, LoaderCircleIcon, XIcon } from "lucide-react";
import { type DragEvent, useState } from "react";
import { IMAGE_ACCEPT, useUpload } from "@/components/generations/use-upload";
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
  const room = max - urls.length;

  function commit(next: string[]) {
    onChange(multiple ? next : (next[0] ?? ""));
  }

  function add(files: File[]) {
    const images = files.filter((file) => file.type === "" || file.type.startsWith("image/"));
    if (images.length === 0 || disabled) return;
    // A single-image field replaces its image; a list fills the room it has left.
    const batch = multiple ? images.slice(0, Math.max(room, 0)) : images.slice(0, 1);
    if (batch.length === 0) return;
    upload.mutate(batch, {
      onSuccess: (uploaded) =>
        commit(multiple ? [...urls, ...uploaded.map((f) => f.url)] : uploaded.map((f) => f.url)),
    });
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    add([...event.dataTransfer.files]);
  }

  const message = error ?? (upload.error ? upload.error.message : undefined);
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
              aria-label={`Remove ${param.label.toLowerCase()} ${index + 1}`}
              className="absolute top-1 right-1 rounded-full bg-background/90 shadow"
              onClick={() => commit(urls.filter((u) => u !== url))}
            >
              <XIcon />
            </Button>
          </li>
        ))}
        {upload.isPending ? (
          <li className="grid aspect-square place-items-center rounded-md border border-dashed">
            <LoaderCircleIcon aria-hidden className="size-5 animate-spin text-muted-foreground" />
            <span className="sr-only" role="status">
              Uploading…
            </span>
          </li>
        ) : null}
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
    </FieldShell>
  );
}
