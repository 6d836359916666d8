// One output file of a generation, start to finish: download (or take inline bytes), store
// the original, and encode a WebP thumbnail under a media permit: an image's own, a video's
// first frame (with its last frame and size, lib/media/video). The same code runs in the media
// worker (the server) and in-process (tests, scripts). Every object path is reported through
// `onStore` before it is written, so the caller can remove them all on failure.

import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Transform } from "node:stream";
import { log } from "@/lib/log";
import { openMediaDownload, readToBuffer } from "@/lib/media/download";
import { Mp4DurationScanner, mp4DurationSeconds } from "@/lib/media/mp4-duration";
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
import { FileCopy } from "@/lib/media/video/file-copy";
import { withTempDir } from "@/lib/media/video/temp-dir";
import { makeVideoStills, NO_STILLS, type VideoStills } from "@/lib/media/video/video-stills";
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

/** What bounds encoding: the process-wide media semaphore, or the worker's line to it. */
export type MediaPermits = { withPermit<T>(fn: () => T | Promise<T>): Promise<T> };

export type FileContext = {
  generationId: string;
  userId: string;
  /** The storing attempt (see outputBasePath). */
  attempt: string;
  kind: MediaKind;
  storage: StoragePort;
  allowedHosts: readonly string[];
  limits: OutputLimits;
  permits: MediaPermits;
  /** Called with each object path before it is written, so a failure can be cleaned up. */
  onStore: (path: string) => void;
};

/**
 * `users/<userId>/generations/<generationId>/<attempt>/<index>`; the original adds `.<ext>`, the
 * thumbnail `.thumb.webp`. Each attempt at storing a generation's outputs writes under its own
 * folder, so two attempts that ever overlap never write, or clean up, each other's files.
 * Rows stored before attempts existed keep their paths (`.../<generationId>/<index>.<ext>`):
 * nothing rebuilds a path, every reader takes it from the row.
 */
export function outputBasePath(userId: string, generationId: string, attempt: string, index: number): string {
  return `users/${userId}/generations/${generationId}/${attempt}/${index}`;
}

export async function processFile(
  context: FileContext,
  source: MediaSource,
  index: number,
): Promise<MediaOutput> {
  try {
    return await processOne(context, source, index);
  } catch (error) {
    throw asMediaError(error);
  }
}

async function processOne(context: FileContext, source: MediaSource, index: number): Promise<MediaOutput> {
  const base = outputBasePath(context.userId, context.generationId, context.attempt, index);
  if (context.kind === "video" && "url" in source) return streamVideo(context, source, base);

  // Images (bounded by the cap) and inline bytes: one buffer, released when this returns.
  const { data, type } = "url" in source ? await downloadImage(context, source) : inlineFile(context, source);
  const path = `${base}.${type.ext}`;
  await put(context, path, () => context.storage.putBuffer(path, data, { contentType: type.mime }));
  const sha256 = sha256Of(data);
  if (type.kind === "video") {
    const stills = await withTempDir(async (dir) => {
      const file = join(dir, `video.${type.ext}`);
      await writeFile(file, data);
      return makeVideoStills(stillsContext(context), file, base);
    });
    return videoOutput(
      { path, mime: type.mime, bytes: data.byteLength, sha256 },
      stills,
      mp4DurationSeconds(data),
    );
  }
  const thumbnail = await context.permits.withPermit(() => makeThumbnail(data));
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
    sha256,
    duration_seconds: null,
    thumb: {
      sha256: sha256Of(thumbnail.data),
      bytes: thumbnail.data.byteLength,
      width: thumbnail.width,
      height: thumbnail.height,
    },
  };
}

const sha256Of = (data: Buffer) => createHash("sha256").update(data).digest("hex");

async function downloadImage(
  context: FileContext,
  source: Extract<MediaSource, { url: string }>,
): Promise<{ data: Buffer; type: SniffedType }> {
  const download = await openMediaDownload(source.url, {
    policy: { kind: "allow-list", hosts: context.allowedHosts },
    maxBytes: context.limits.imageMaxBytes,
    timeoutMs: context.limits.imageTimeoutMs ?? DEFAULT_IMAGE_TIMEOUT_MS,
    headers: source.headers,
    kind: "image",
  });
  return { data: await readToBuffer(download.body), type: download.type };
}

/** Inline bytes (Gemini) take the same checks as a download: cap, then type from the bytes. */
function inlineFile(
  context: FileContext,
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

/**
 * Video never sits in memory: the download body is piped into storage under the same cap, and
 * copied on the way to a scratch file that ffmpeg reads for the stills.
 */
async function streamVideo(
  context: FileContext,
  source: Extract<MediaSource, { url: string }>,
  base: string,
): Promise<MediaOutput> {
  const maxBytes = context.limits.videoMaxBytes;
  const download = await openMediaDownload(source.url, {
    policy: { kind: "allow-list", hosts: context.allowedHosts },
    maxBytes,
    timeoutMs: context.limits.videoTimeoutMs ?? DEFAULT_VIDEO_TIMEOUT_MS,
    headers: source.headers,
    kind: "video",
  });
  const objectPath = `${base}.${download.type.ext}`;
  return withTempDir(async (dir) => {
    const file = join(dir, `video.${download.type.ext}`);
    const copy = new FileCopy(file);
    // Hashed, scanned for its movie header and copied on the way through: no second read.
    const hash = createHash("sha256");
    const duration = new Mp4DurationScanner();
    const hashed = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        duration.push(chunk);
        copy.write(chunk, () => done(null, chunk));
      },
    });
    download.body.on("error", (error) => hashed.destroy(error));
    const stored = await put(context, objectPath, () =>
      context.storage.putStream(objectPath, download.body.pipe(hashed), {
        contentType: download.type.mime,
        maxBytes,
      }),
    )
      .catch((error: unknown) => {
        copy.destroy();
        throw error;
      })
      .finally(() => download.body.destroy());
    const copyFailed = await copy.close();
    const facts = {
      path: objectPath,
      mime: download.type.mime,
      bytes: stored.bytes,
      sha256: hash.digest("hex"),
    };
    if (copyFailed) {
      log.warn("video poster failed", {
        generationId: context.generationId,
        reason: `scratch copy failed: ${copyFailed.message}`,
      });
      return videoOutput(facts, NO_STILLS, duration.seconds);
    }
    return videoOutput(facts, await makeVideoStills(stillsContext(context), file, base), duration.seconds);
  });
}

function stillsContext(context: FileContext) {
  return {
    generationId: context.generationId,
    permits: context.permits,
    store: async (objectPath: string, data: Buffer, contentType: string) => {
      await put(context, objectPath, () => context.storage.putBuffer(objectPath, data, { contentType }));
    },
  };
}

function videoOutput(
  file: { path: string; mime: string; bytes: number; sha256: string },
  stills: VideoStills,
  headerSeconds: number | null,
): MediaOutput {
  const { poster, lastFrame } = stills;
  return {
    ...file,
    thumb_path: poster?.path ?? null,
    width: stills.width,
    height: stills.height,
    duration_seconds: stills.durationSeconds ?? headerSeconds,
    thumb: poster && {
      sha256: poster.sha256,
      bytes: poster.bytes,
      width: poster.width,
      height: poster.height,
    },
    ...(lastFrame ? { last_frame: lastFrame } : {}),
  };
}

/** Records the path before writing (a failed write may leave something behind) and names storage failures. */
async function put<T>(context: FileContext, path: string, write: () => Promise<T>): Promise<T> {
  context.onStore(path);
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

export function asMediaError(error: unknown): MediaError {
  if (error instanceof MediaError) return error;
  return new MediaError("processing_failed", "The output could not be processed.", { cause: error });
}
