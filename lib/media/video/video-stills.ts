// What a stored video output gets besides its file: its displayed size and length, a poster
// (the first frame as a WebP thumbnail, by the same rules as image thumbnails) and its last
// frame at full size (JPEG, which every provider takes as an input image, to continue the clip).
// ffmpeg and sharp run under one media permit and one deadline. Never throws: a video that
// cannot be read keeps its output with no stills, and the reason goes to the log.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Logger, log as rootLog } from "@/lib/log";
import { MAX_INPUT_PIXELS, sharp } from "@/lib/media/sharp-config";
import { makeThumbnail } from "@/lib/media/thumbnail";
import { videoTools } from "@/lib/media/video/binaries";
import { extractFrame } from "@/lib/media/video/extract-frame";
import { probeVideo } from "@/lib/media/video/probe-video";

/** Longest the probe and both frames may take together, waiting for a permit excluded. */
export const VIDEO_STILLS_TIMEOUT_MS = 60_000;
export const LAST_FRAME_QUALITY = 90;

export type StillFacts = { path: string; sha256: string; bytes: number; width: number; height: number };

export type VideoStills = {
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  poster: StillFacts | null;
  lastFrame: StillFacts | null;
};

export type StillsContext = {
  generationId: string;
  permits: { withPermit<T>(fn: () => T | Promise<T>): Promise<T> };
  /** Writes one still to storage (recorded for cleanup like every other object). */
  store: (objectPath: string, data: Buffer, contentType: string) => Promise<void>;
  timeoutMs?: number;
  log?: Logger;
};

export const NO_STILLS: VideoStills = {
  width: null,
  height: null,
  durationSeconds: null,
  poster: null,
  lastFrame: null,
};

type Encoded = { data: Buffer; width: number; height: number };

/** `video` is a whole file in a scratch folder of its own; `base` names the stills (`<base>.thumb.webp`). */
export async function makeVideoStills(
  context: StillsContext,
  video: string,
  base: string,
): Promise<VideoStills> {
  const log = context.log ?? rootLog;
  let made: { probe: Awaited<ReturnType<typeof probeVideo>>; poster: Encoded; last: Encoded | null };
  try {
    made = await context.permits.withPermit(() => decode(context, video));
  } catch (error) {
    log.warn("video poster failed", { generationId: context.generationId, reason: reasonOf(error) });
    return NO_STILLS;
  }
  const { probe } = made;
  const stills: VideoStills = { ...probe, poster: null, lastFrame: null };
  try {
    stills.poster = await store(context, `${base}.thumb.webp`, made.poster, "image/webp");
    if (made.last) stills.lastFrame = await store(context, `${base}.last.jpg`, made.last, "image/jpeg");
  } catch (error) {
    log.warn("video stills not stored", { generationId: context.generationId, reason: reasonOf(error) });
  }
  return stills;
}

async function decode(context: StillsContext, video: string) {
  const log = context.log ?? rootLog;
  const signal = AbortSignal.timeout(context.timeoutMs ?? VIDEO_STILLS_TIMEOUT_MS);
  const tools = await videoTools();
  const dir = path.dirname(video);
  const probe = await probeVideo(tools.ffprobe, video, signal);
  const first = path.join(dir, "first.tif");
  await extractFrame(tools.ffmpeg, video, "first", first, signal);
  const thumbnail = await makeThumbnail(await readFile(first));
  const poster = { data: thumbnail.data, width: thumbnail.width, height: thumbnail.height };
  let last: Encoded | null = null;
  try {
    const file = path.join(dir, "last.tif");
    await extractFrame(tools.ffmpeg, video, "last", file, signal);
    const { data, info } = await sharp(await readFile(file), {
      failOn: "error",
      limitInputPixels: MAX_INPUT_PIXELS,
    })
      .jpeg({ quality: LAST_FRAME_QUALITY })
      .toBuffer({ resolveWithObject: true });
    last = { data, width: info.width, height: info.height };
  } catch (error) {
    // The poster alone is still worth keeping.
    log.warn("video last frame failed", { generationId: context.generationId, reason: reasonOf(error) });
  }
  return { probe, poster, last };
}

async function store(context: StillsContext, objectPath: string, still: Encoded, contentType: string) {
  await context.store(objectPath, still.data, contentType);
  return {
    path: objectPath,
    sha256: createHash("sha256").update(still.data).digest("hex"),
    bytes: still.data.byteLength,
    width: still.width,
    height: still.height,
  };
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${message}${cause}`.slice(0, 500);
}
