"use client";
// Reference images from the browser straight to storage, several at once, each with its own
// progress and a cancel button (components/generations/send-upload.ts does one file). A batch
// ends when every file of it has ended; the ones that made it are handed over together.
import { useCallback, useRef, useState } from "react";
import { type SendProgress, sendUpload } from "@/components/generations/send-upload";
import { IMAGE_TYPES, MAX_UPLOAD_FILES, type UploadedImage } from "@/lib/uploads/limits";

export type UploadedFile = UploadedImage;
export { MAX_UPLOAD_FILES };
export const IMAGE_ACCEPT = IMAGE_TYPES.join(",");

export type UploadItem = { key: string; name: string } & SendProgress;

export function isAcceptedImage(file: File): boolean {
  return file.type === "" || (IMAGE_TYPES as readonly string[]).includes(file.type);
}

export function useUpload() {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const controllers = useRef(new Map<string, AbortController>());

  const update = useCallback((key: string, progress: SendProgress) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...progress } : item)));
  }, []);

  /** Uploads `files`; `onDone` gets those that made it, in order. Types we refuse are named in `error`. */
  const start = useCallback(
    async (files: File[], onDone: (uploaded: UploadedFile[]) => void) => {
      const refused = files.filter((file) => !isAcceptedImage(file));
      const accepted = files.filter(isAcceptedImage);
      const errors = refused.map((file) => `${file.name} is not a PNG, JPEG, WebP, GIF or AVIF image.`);
      setError(errors.length ? errors.join(" ") : null);
      const batch = accepted.map((file) => ({
        file,
        key: crypto.randomUUID(),
        controller: new AbortController(),
      }));
      for (const { key, controller } of batch) controllers.current.set(key, controller);
      setItems((current) => [
        ...current,
        ...batch.map(({ key, file }) => ({
          key,
          name: file.name,
          phase: "sending" as const,
          sent: 0,
          total: file.size,
        })),
      ]);
      const results = await Promise.allSettled(
        batch.map(({ file, key, controller }) =>
          sendUpload(file, (progress) => update(key, progress), controller.signal),
        ),
      );
      const uploaded: UploadedFile[] = [];
      results.forEach((result, index) => {
        if (result.status === "fulfilled") uploaded.push(result.value);
        // A canceled file is no error, whichever step it was in.
        else if (!batch[index]?.controller.signal.aborted)
          errors.push((result.reason as Error)?.message ?? "The upload failed.");
      });
      const keys = new Set(batch.map(({ key }) => key));
      for (const key of keys) controllers.current.delete(key);
      setItems((current) => current.filter((item) => !keys.has(item.key)));
      setError(errors.length ? errors.join(" ") : null);
      if (uploaded.length > 0) onDone(uploaded);
    },
    [update],
  );

  const cancel = useCallback((key: string) => controllers.current.get(key)?.abort(), []);

  return { items, error, start, cancel, isPending: items.length > 0 };
}
