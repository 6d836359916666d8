"use client";
// One file of a direct upload, as the browser does it: ask the app for a slot, send the bytes
// straight to storage over tus (Supabase Storage, or the app's own endpoint in local mode), then
// ask the app to complete it. tus sends 6 MB chunks and, when the connection drops, asks the
// server how much arrived and sends only the rest.
import { Upload } from "tus-js-client";
import { ApiError, fetchJson, readErrorBody } from "@/components/providers/fetch-json";
import type { UploadedImage, UploadSlot } from "@/lib/uploads/limits";

export type SendProgress = { phase: "sending" | "processing"; sent: number; total: number };

/** Waits after each failed request before trying again; a dropped connection resumes from the server's offset. */
const RETRY_DELAYS_MS = [0, 1000, 3000, 5000, 10_000, 20_000];

export async function sendUpload(
  file: File,
  onProgress: (progress: SendProgress) => void,
  signal: AbortSignal,
): Promise<UploadedImage> {
  const slot = await fetchJson<UploadSlot>("/api/uploads", {
    method: "POST",
    json: { name: file.name || "image", size: file.size, type: file.type },
    signal,
  });
  signal.throwIfAborted();
  await new Promise<void>((resolve, reject) => {
    const upload = new Upload(file, {
      endpoint: new URL(slot.tus.endpoint, window.location.href).href,
      headers: slot.tus.headers,
      metadata: slot.tus.metadata,
      chunkSize: slot.tus.chunkSize,
      retryDelays: RETRY_DELAYS_MS,
      // Each slot is used once: nothing to find again after a reload.
      storeFingerprintForResuming: false,
      onProgress: (sent, total) => onProgress({ phase: "sending", sent, total }),
      onSuccess: () => resolve(),
      onError: (error) => reject(tusError(file.name, error)),
    });
    signal.addEventListener(
      "abort",
      () => {
        // Terminates the upload on the server too; whatever it leaves, the reconciler removes.
        upload.abort(true).catch(() => {});
        reject(new DOMException("Upload canceled", "AbortError"));
      },
      { once: true },
    );
    upload.start();
  });
  onProgress({ phase: "processing", sent: file.size, total: file.size });
  return fetchJson<UploadedImage>(slot.completeUrl, { method: "POST", signal });
}

function tusError(name: string, error: Error): ApiError {
  const response = (error as { originalResponse?: { getStatus(): number; getBody(): string } | null })
    .originalResponse;
  const status = response?.getStatus() ?? 0;
  let message: string | null = null;
  try {
    message = readErrorBody(JSON.parse(response?.getBody() ?? "")).message;
  } catch {
    // Storage answers tus errors as text; the status says enough.
  }
  if (status === 413) message ??= `${name} is larger than this upload allows.`;
  return new ApiError(
    status,
    message ?? `${name} could not be uploaded. Check your connection and try again.`,
  );
}
