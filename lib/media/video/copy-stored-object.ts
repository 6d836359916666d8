import "server-only";
// Copies a stored object into a local file, streamed: local storage is read from disk directly,
// Supabase Storage through a short-lived signed link fetched from the project's host alone.
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { mode } from "@/lib/env";
import { openMediaDownload } from "@/lib/media/download";
import { MediaError } from "@/lib/media/types";
import { localFiles, storage } from "@/lib/storage";

const LINK_SECONDS = 10 * 60;

export async function copyStoredObject(
  objectPath: string,
  file: string,
  limits: { maxBytes: number; timeoutMs: number },
): Promise<void> {
  if (mode.storage === "local") {
    const opened = await localFiles().openRead(objectPath);
    if (!opened) throw new MediaError("http_error", "The stored file is missing.");
    try {
      if (opened.size > limits.maxBytes)
        throw new MediaError("too_large", "The stored file is over the limit.");
      await pipeline(opened.handle.createReadStream({ autoClose: false }), createWriteStream(file), {
        signal: AbortSignal.timeout(limits.timeoutMs),
      });
    } finally {
      await opened.handle.close();
    }
    return;
  }
  const url = await storage().signedUrl(objectPath, LINK_SECONDS);
  const download = await openMediaDownload(url, {
    policy: { kind: "allow-list", hosts: [new URL(url).host] },
    maxBytes: limits.maxBytes,
    timeoutMs: limits.timeoutMs,
    kind: "video",
  });
  await pipeline(download.body, createWriteStream(file));
}
