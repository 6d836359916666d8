// Turns a job's request into stored, downloadable files (the shared part of every provider).
import type { EmulatorContext } from "./http";
import { CONTENT_TYPES, type ImageFormat, renderImage, renderVideo } from "./media";
import type { MediaStore, StoredMedia } from "./media-store";

export interface GeneratedFile {
  id: string;
  url: string;
  contentType: string;
  size: number;
  fileName: string;
  width?: number;
  height?: number;
}

export interface Deps {
  ctx: EmulatorContext;
  store: MediaStore;
}

const EXTENSIONS: Record<ImageFormat, string> = { png: "png", webp: "webp", jpeg: "jpg" };

/** `redirect`: the URL answers 302 to the same file on the emulator's second host name. */
function toFile(deps: Deps, stored: StoredMedia, fileName: string, redirect = false): GeneratedFile {
  return {
    id: stored.id,
    url: `${deps.ctx.origin()}${redirect ? "/redirect" : ""}${stored.path}`,
    contentType: stored.contentType,
    size: stored.size,
    fileName,
  };
}

export async function generateImages(
  deps: Deps,
  request: {
    prompt: string;
    seed: number;
    width: number;
    height: number;
    format: ImageFormat;
    count: number;
    huge: boolean;
    redirect?: boolean;
  },
): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  const extension = EXTENSIONS[request.format];
  for (let index = 0; index < request.count; index++) {
    const fileName = `out-${index}.${extension}`;
    const dimensions = { width: request.width, height: request.height };
    if (request.huge) {
      files.push({
        ...toFile(deps, deps.store.putHuge(CONTENT_TYPES.png, "png"), "out-0.png", request.redirect),
        ...dimensions,
      });
      continue;
    }
    const data = await renderImage({ ...request, seed: request.seed + index });
    const stored = deps.store.put(data, CONTENT_TYPES[request.format], extension);
    files.push({ ...toFile(deps, stored, fileName, request.redirect), ...dimensions });
  }
  return files;
}

export async function generateVideo(
  deps: Deps,
  request: {
    prompt: string;
    seed: number;
    aspectRatio?: string;
    seconds?: number;
    huge: boolean;
    corrupt?: boolean;
    redirect?: boolean;
  },
): Promise<GeneratedFile> {
  const stored = request.huge
    ? deps.store.putHuge(CONTENT_TYPES.mp4, "mp4")
    : deps.store.put(
        request.corrupt ? corruptVideo(await renderVideo(request)) : await renderVideo(request),
        CONTENT_TYPES.mp4,
        "mp4",
      );
  return toFile(deps, stored, "output.mp4", request.redirect);
}

/** `[corrupt]`: a file that is an MP4 by its first bytes, but whose every byte after them is noise. */
function corruptVideo(video: Buffer): Buffer {
  const head = video.subarray(0, 32);
  const noise = Buffer.alloc(video.length - head.length);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 251;
  return Buffer.concat([head, noise]);
}
