// Test-pattern MP4s made by the ffmpeg the app ships (lib/media/video/binaries): a colour field
// with a still square in the middle and a block that slides from the left edge (first frame) to
// the right edge (last frame), so a poster and a last frame can be told apart by where the block
// is. H.264 in MP4 with the movie header first, as providers serve them. The same spec gives the
// same bytes (one encoder thread), and recent results are kept, so asking again costs nothing.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { videoTools } from "../../lib/media/video/binaries";
import { runTool } from "../../lib/media/video/run-tool";
import { withTempDir } from "../../lib/media/video/temp-dir";

export type PatternSpec = {
  width: number;
  height: number;
  seconds: number;
  /** `rrggbb` */
  background: string;
  block: string;
  /** The still square in the middle; half see-through. */
  middle?: string;
  fps?: number;
  /** Display rotation written into the file (a phone clip held upright), in degrees. */
  rotate?: number;
};

const ENCODE_TIMEOUT_MS = 60_000;
const CACHE_SIZE = 32;
const cache = new Map<string, Promise<Buffer>>();

export function renderPatternVideo(spec: PatternSpec): Promise<Buffer> {
  const key = JSON.stringify(spec);
  let video = cache.get(key);
  if (video) {
    // Most recently used last, so the oldest is the one dropped.
    cache.delete(key);
  } else {
    video = encode(spec);
    video.catch(() => cache.delete(key));
  }
  cache.set(key, video);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return video;
}

async function encode(spec: PatternSpec): Promise<Buffer> {
  const { ffmpeg } = await videoTools();
  const fps = spec.fps ?? 24;
  const side = Math.max(8, Math.round(Math.min(spec.width, spec.height) / 3 / 2) * 2);
  // The block reaches the right edge on the last frame, at seconds - 1/fps.
  const last = spec.seconds - 1 / fps;
  // A still square in the middle (where a square crop of the picture looks) under the block.
  const middle = Math.max(4, Math.round(Math.min(spec.width, spec.height) / 4 / 2) * 2);
  const graph = [
    `color=c=0x${spec.background}:s=${spec.width}x${spec.height}:d=${spec.seconds}:r=${fps}[bg]`,
    `color=c=0x${spec.middle ?? spec.block}@0.5:s=${middle}x${middle}:r=${fps}[mid]`,
    `color=c=0x${spec.block}:s=${side}x${side}:r=${fps}[fg]`,
    "[bg][mid]overlay=x=(W-w)/2:y=(H-h)/2:shortest=1[base]",
    `[base][fg]overlay=x='(W-w)*min(t/${last},1)':y=(H-h)/2:shortest=1`,
  ].join(";");
  const signal = AbortSignal.timeout(ENCODE_TIMEOUT_MS);
  const quiet = ["-v", "error", "-nostdin"];
  const mp4 = ["-movflags", "+faststart", "-fflags", "+bitexact", "-y"];
  return withTempDir(async (dir) => {
    const out = path.join(dir, "pattern.mp4");
    const encode = [
      ...["-f", "lavfi", "-i", graph, "-c:v", "libx264", "-preset", "veryfast", "-crf", "28"],
      ...["-pix_fmt", "yuv420p", "-threads", "1"],
    ];
    if (!spec.rotate) {
      await runTool(ffmpeg, [...quiet, ...encode, ...mp4, out], { signal });
      return readFile(out);
    }
    // The rotation is only written when the stream is copied, not while it is encoded.
    const upright = path.join(dir, "upright.mp4");
    await runTool(ffmpeg, [...quiet, ...encode, ...mp4, upright], { signal });
    const rotate = ["-i", upright, "-c", "copy", "-metadata:s:v:0", `rotate=${spec.rotate}`];
    await runTool(ffmpeg, [...quiet, ...rotate, ...mp4, out], { signal });
    return readFile(out);
  });
}
