"use client";

import { HistoryIcon, LoaderCircleIcon, UploadIcon } from "lucide-react";
import { useId, useState } from "react";
import { FieldNotes } from "@/components/generations/fields/field-shell";
import { IMAGE_ACCEPT, useUpload } from "@/components/generations/use-upload";
import { Button } from "@/components/ui/button";
import type { ParamDescriptor } from "@/lib/models/params";
import { HistoryPicker } from "../nodes/history-picker";

/** An image input: uploaded or picked from history, kept as the asset's id, shown by its preview. */
export function ImageInput({
  param,
  preview,
  error,
  disabled,
  onChange,
}: {
  param: ParamDescriptor;
  preview: string | null;
  error?: string;
  disabled?: boolean;
  onChange: (value: string, preview: string | null) => void;
}) {
  const upload = useUpload();
  const [picking, setPicking] = useState(false);
  const fileId = useId();
  const labelId = `${fileId}-label`;
  const id = `simple-${param.name}`;
  const message = error ?? upload.error ?? undefined;
  return (
    <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={message ? `${id}-error` : undefined}>
      <legend id={labelId} className="mb-2 font-medium text-sm leading-none">
        {param.label}
      </legend>
      <div className="flex items-center gap-3">
        <div className="flex size-20 shrink-0 items-center justify-center overflow-hidden rounded-md border bg-muted text-muted-foreground text-xs">
          {upload.isPending ? (
            <LoaderCircleIcon aria-hidden className="size-5 animate-spin" />
          ) : preview ? (
            // biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed.
            <img src={preview} alt={`${param.label}: the one chosen`} className="size-full object-cover" />
          ) : (
            "None"
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline" size="sm" className="cursor-pointer" disabled={disabled}>
            <label htmlFor={fileId}>
              <UploadIcon aria-hidden />
              Upload
              <input
                id={fileId}
                type="file"
                accept={IMAGE_ACCEPT}
                className="sr-only"
                disabled={disabled}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = "";
                  if (file)
                    void upload.start([file], ([done]) => {
                      if (done) onChange(done.asset_id, done.url);
                    });
                }}
              />
            </label>
          </Button>
          <Button
            type="button"
            variant="outline"
            size="sm"
            disabled={disabled}
            onClick={() => setPicking(true)}
          >
            <HistoryIcon aria-hidden />
            From history
          </Button>
        </div>
      </div>
      <FieldNotes param={param} id={id} error={message} />
      <HistoryPicker
        open={picking}
        onOpenChange={setPicking}
        onPick={(image) => {
          if (image.asset_id) onChange(image.asset_id, image.thumbnail_url ?? image.url);
          else onChange(image.url, image.thumbnail_url ?? image.url);
        }}
      />
    </fieldset>
  );
}
