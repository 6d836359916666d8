"use client";
// A tool's input image: upload one, or pick one from history; then optionally prepare it
// (crop, rotate, flip) before use. The chosen image is a URL from the upload or list API.
import { CropIcon, HistoryIcon, ImagePlusIcon } from "lucide-react";
import { useId, useState } from "react";
import { IMAGE_ACCEPT, useUpload } from "@/components/generations/use-upload";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { HistoryImages, type PickedImage } from "./history-images";
import { ImagePrep } from "./image-prep";

export function ImagePicker({
  label,
  value,
  onChange,
  error,
  preview = true,
}: {
  label: string;
  /** False when the page shows the image itself (the inpaint painter). */
  preview?: boolean;
  value: PickedImage | null;
  onChange: (image: PickedImage | null) => void;
  error?: string;
}) {
  const id = useId();
  const upload = useUpload();
  const [browsing, setBrowsing] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const message = error ?? upload.error ?? undefined;

  return (
    <fieldset className="flex min-w-0 flex-col gap-2">
      <legend className="mb-2 font-medium text-sm">{label}</legend>
      {value && !preparing && preview ? (
        // biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed.
        <img
          src={value.url}
          alt={label}
          className="max-h-64 w-fit max-w-full rounded-lg border object-contain"
        />
      ) : null}
      {preparing && value ? (
        <ImagePrep
          src={value.url}
          onCancel={() => setPreparing(false)}
          onDone={(uploaded) => {
            setPreparing(false);
            onChange({ url: uploaded.url });
          }}
        />
      ) : null}
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          type="file"
          accept={IMAGE_ACCEPT}
          className="peer sr-only"
          aria-label={`Upload ${label.toLowerCase()}`}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])].slice(0, 1);
            event.target.value = "";
            void upload.start(files, (done) => done[0] && onChange({ url: done[0].url }));
          }}
        />
        <Button asChild variant="outline" size="sm">
          <label
            htmlFor={id}
            className="cursor-pointer peer-focus-visible:ring-[3px] peer-focus-visible:ring-ring/50"
          >
            <ImagePlusIcon /> {upload.isPending ? "Uploading…" : "Upload"}
          </label>
        </Button>
        <Button variant="outline" size="sm" aria-expanded={browsing} onClick={() => setBrowsing(!browsing)}>
          <HistoryIcon /> From history
        </Button>
        {value ? (
          <Button variant="outline" size="sm" onClick={() => setPreparing(true)} disabled={preparing}>
            <CropIcon /> Crop, rotate, flip
          </Button>
        ) : null}
      </div>
      {browsing ? (
        <HistoryImages
          label={`Pick ${label.toLowerCase()} from history`}
          onPick={(image) => {
            setBrowsing(false);
            onChange(image);
          }}
        />
      ) : null}
      {message ? <FormMessage>{message}</FormMessage> : null}
    </fieldset>
  );
}
