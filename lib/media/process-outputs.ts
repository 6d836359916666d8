// Copies a generation's outputs into our storage: originals plus WebP thumbnails for images,
// streamed originals for video. Files of one generation go strictly one at a time (never
// Promise.all). Per process, at most MAX_CONCURRENT_MEDIA images are being decoded and encoded
// by sharp (the process-wide media semaphore) and at most twice that many files are in flight
// at all, however many generations finish at once: memory stays bounded while one file's
// download and writes overlap another's encoding. All or nothing: on any failure every object
// this call stored is deleted before the error (a MediaError) is thrown.

import { type Logger, log as rootLog } from "@/lib/log";
import { openMediaDownload, readToBuffer } from "@/lib/media/download";
import { getMediaSemaphore, Semaphore } from "@/lib/media/semaphore";
import { sniffMediaType } from "@/lib/media/sniff";
import { makeThumbnail } from "@/lib/media/thumbnail";
import {
  formatBytes,
  MediaError,
  type MediaKind,
  type MediaOutput,
  type MediaSource,
  type SniffedType,
} from "@/lib/media/types";
import { StorageLimitError } from "@/lib/storage/paths";
import type { StoragePort } from "@/lib/storage/types";

export const DEFAULT_IMAGE_TIMEOUT_MS = 60_000;
export const DEFAULT_VIDEO_TIMEOUT_MS = 10 * 60_000;

export type OutputLimits = {
  imageMaxBytes: number;
  videoMaxBytes: number;
  /** Deadline per downloaded file (defaults: 60 s for images, 10 min for video). */
  imageTimeoutMs?: number;
  videoTimeoutMs?: number;
};

export type ProcessOutputsInput = {
  generationId: string;
  userId: string;
  sources: readonly MediaSource[];
  kind: MediaKind;
  storage: StoragePort;
  allowedHosts: readonly string[];
  limits: OutputLimits;
  /** Defaults to the process-wide media semaphore. */
  semaphore?: Semaphore;
  fetchImpl?: typeof fetch;
  log?: Logger;
};

type Context = ProcessOutputsInput & { stored: string[] };

// Files in flight (downloading, encoding or writing) are bounded at twice the sharp permits, so
// one file's download and writes overlap another's encoding while memory stays bounded.
const slotsBySemaphore = new WeakMap<Semaphore, Semaphore>();
function fileSlots(semaphore: Semaphore): Semaphore {
  let slots = slotsBySemaphore.get(semaphore);
  if (!slots) {
    slots = new Semaphore(semaphore.limit * 2);
    slotsBySemaphore.set(semaphore, slots);
  }
  return slots;
}

/** `users/<userId>/generations/<generationId>/<index>` — the original adds `.<ext>`, the thumbnail `.thumb.webp`. */
export function outputBasePath(userId: string, generationId: string, index: number): string {
  return `users/${userId}/generations/${generationId}/${index}`;
}

export async function processOutputs(input: ProcessOutputsInput): Promise<MediaOutput[]> {
  const semaphore = input.semaphore ?? getMediaSemaphore();
  const context: Context = { ...input, stored: [] };
  const outputs: MediaOutput[] = [];
  try {
    for (const [index, source] of input.sources.entries()) {
      outputs.push(
        await fileSlots(semaphore).withPermit(() => processOne(context, source, index, semaphore)),
      );
    }
    return outputs;
  } catch (error) {
    await removeStored(context);
    throw asMediaError(error);
  }
}

async function processOne(
  context: Context,
  source: MediaSource,
  index: number,
  semaphore: Semaphore,
): Promise<MediaOutput> {
  const base = outputBasePath(context.userId, context.generationId, index);
  if (context.kind === "video" && "url" in source) return streamVideo(context, source, base);

  // Images (bounded by the cap) and inline bytes: one buffer, released when this returns.
  const { data, type } = "url" in source ? await downloadImage(context, source) : inlineFile(context, source);
  const path = `${base}.${type.ext}`;
  await put(context, path, () => context.storage.putBuffer(path, data, { contentType: type.mime }));
  if (type.kind === "video") {
    return { path, thumb_path: null, mime: type.mime, width: null, height: null, bytes: data.byteLength };
  }
  const thumbnail = await semaphore.withPermit(() => makeThumbnail(data));
  const thumbPath = `${base}.thumb.webp`;
  await put(context, thumbPath, () =>
    context.storage.putBuffer(thumbPath, thumbnail.data, { contentType: "image/webp" }),
  );
  return {
    path,
    thumb_path: thumbPath,
    mime: type.mime,
    width: thumbnail.originalWidth,
    height: thumbnail.originalHeight,
    bytes: data.byteLength,
  };
}

async function downloadImage(
  context: Context,
  source: Extract<MediaSource, { url: string }>,
): Promise<{ data: Buffer; type: SniffedType }> {
  const download = await openMediaDownload(source.url, {
    allowedHosts: context.allowedHosts,
    maxBytes: context.limits.imageMaxBytes,
    timeoutMs: context.limits.imageTimeoutMs ?? DEFAULT_IMAGE_TIMEOUT_MS,
    fetchImpl: context.fetchImpl,
    headers: source.headers,
    kind: "image",
  });
  return { data: await readToBuffer(download.body), type: download.type };
}

/** Inline bytes (Gemini) take the same checks as a download: cap, then type from the bytes. */
function inlineFile(
  context: Context,
  source: Extract<MediaSource, { bytes: Buffer }>,
): { data: Buffer; type: SniffedType } {
  const { kind } = context;
  const maxBytes = kind === "video" ? context.limits.videoMaxBytes : context.limits.imageMaxBytes;
  if (source.bytes.byteLength === 0) throw new MediaError("empty", "The provider returned an empty file.");
  if (source.bytes.byteLength > maxBytes)
    throw new MediaError(
      "too_large",
      `The provider returned a file larger than the ${formatBytes(maxBytes)} limit.`,
    );
  const type = sniffMediaType(source.bytes);
  if (!type || type.kind !== kind) {
    const what = type?.mime ?? (source.mimeType ? `declared as ${source.mimeType}` : "of unknown type");
    throw new MediaError(
      "unsupported_type",
      `The provider returned a file (${what}) that is not a supported ${kind}.`,
    );
  }
  return { data: source.bytes, type };
}

/** Video never sits in memory: the download body is piped into storage under the same cap. */
async function streamVideo(
  context: Context,
  source: Extract<MediaSource, { url: string }>,
  base: string,
): Promise<MediaOutput> {
  const maxBytes = context.limits.videoMaxBytes;
  const download = await openMediaDownload(source.url, {
    allowedHosts: context.allowedHosts,
    maxBytes,
    timeoutMs: context.limits.videoTimeoutMs ?? DEFAULT_VIDEO_TIMEOUT_MS,
    fetchImpl: context.fetchImpl,
    headers: source.headers,
    kind: "video",
  });
  const path = `${base}.${download.type.ext}`;
  const stored = await put(context, path, () =>
    context.storage.putStream(path, download.body, { contentType: download.type.mime, maxBytes }),
  ).finally(() => download.body.destroy());
  // No video thumbnail: that needs a decoder (ffmpeg) this pipeline does not ship.
  return { path, thumb_path: null, mime: download.type.mime, width: null, height: null, bytes: stored.bytes };
}

/** Records the path before writing (a failed write may leave something behind) and names storage failures. */
async function put<T>(context: Context, path: string, write: () => Promise<T>): Promise<T> {
  context.stored.push(path);
  try {
    return await write();
  } catch (error) {
    if (error instanceof MediaError) throw error;
    if (error instanceof StorageLimitError)
      throw new MediaError(
        "too_large",
        `The media file is larger than the ${formatBytes(error.maxBytes)} limit.`,
        {
          cause: error,
        },
      );
    throw new MediaError("storage_failed", "The output could not be saved to storage.", { cause: error });
  }
}

async function removeStored(context: Context): Promise<void> {
  if (context.stored.length === 0) return;
  try {
    await context.storage.delete(context.stored);
  } catch (error) {
    (context.log ?? rootLog).error("media cleanup failed", {
      generationId: context.generationId,
      paths: context.stored,
      error,
    });
  }
}

function asMediaError(error: unknown): MediaError {
  if (error instanceof MediaError) return error;
  return new MediaError("processing_failed", "The output could not be processed.", { cause: error });
}
