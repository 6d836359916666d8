// Direct uploads as the browser does them, with the real tus client (tus-js-client runs in
// Node too): ask for a slot, send the bytes over tus, complete.
import { Upload, type UploadOptions } from "tus-js-client";
import type { UploadSlot } from "../../lib/uploads/limits";
import type { Client, Reply } from "./http";

export type SentPatch = { offset: number; bytes: number };

export async function askSlot(client: Client, file: { name: string; size: number; type?: string }) {
  return client.post<UploadSlot & { error?: string; code?: string }>("/api/uploads", {
    name: file.name,
    size: file.size,
    type: file.type ?? "",
  });
}

/**
 * Sends `data` for a slot over tus in `chunkSize` pieces. `stopAfterChunks` aborts (without
 * terminating) after that many chunks were accepted, like a dropped connection; `uploadUrl`
 * resumes an upload started before. Resolves with the upload URL and every PATCH sent.
 */
export function sendOverTus(
  slot: UploadSlot,
  data: Buffer,
  options: {
    chunkSize: number;
    stopAfterChunks?: number;
    uploadUrl?: string;
    headers?: Record<string, string>;
  },
): Promise<{ url: string; patches: SentPatch[]; stopped: boolean }> {
  const patches: SentPatch[] = [];
  return new Promise((resolve, reject) => {
    let chunks = 0;
    const tusOptions: UploadOptions = {
      endpoint: slot.tus.endpoint,
      uploadUrl: options.uploadUrl ?? null,
      headers: options.headers ?? slot.tus.headers,
      metadata: slot.tus.metadata,
      chunkSize: options.chunkSize,
      retryDelays: null,
      storeFingerprintForResuming: false,
      onBeforeRequest: (req) => {
        if (req.getMethod() === "PATCH")
          patches.push({ offset: Number(req.getHeader("Upload-Offset")), bytes: 0 });
      },
      onChunkComplete: (chunkSize) => {
        const last = patches.at(-1);
        if (last) last.bytes = chunkSize;
        chunks++;
        if (options.stopAfterChunks !== undefined && chunks >= options.stopAfterChunks) {
          void upload.abort(false).then(() => resolve({ url: upload.url ?? "", patches, stopped: true }));
        }
      },
      onSuccess: () => resolve({ url: upload.url ?? "", patches, stopped: false }),
      onError: reject,
    };
    const upload = new Upload(data, tusOptions);
    upload.start();
  });
}

/** The status of a tus error from tus-js-client (0 when no response came). */
export function tusStatus(error: unknown): number {
  const response = (error as { originalResponse?: { getStatus(): number } | null }).originalResponse;
  return response?.getStatus() ?? 0;
}

export function complete<T = Record<string, unknown>>(client: Client, slot: UploadSlot): Promise<Reply<T>> {
  return client.post<T>(slot.completeUrl);
}
