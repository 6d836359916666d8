// Image to video and keyframes, made by the ffmpeg the app ships (lib/media/video/binaries): an
// H.264 MP4 whose first frame is the first image and whose last frame is the last image (or the
// first again), cross-fading between them, so a test can check both ends.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { videoTools } from "../../lib/media/video/binaries";
import { runTool } from "../../lib/media/video/run-tool";
import { withTempDir } from "../../lib/media/video/temp-dir";

// Few, small frames: only the ends matter, and the per-pixel blend is slow on one thread.
const FPS = 8;
/** The longer side of the video, in pixels. */
const LONG_SIDE = 320;
const ENCODE_TIMEOUT_MS = 60_000;

function sizeFor(
  aspect: string | undefined,
  width: number,
  height: number,
): { width: number; height: number } {
  const match = /^(\d+):(\d+)$/.exec(aspect ?? "");
  const ratio = match ? Number(match[1]) / Number(match[2]) : width / height;
  const even = (n: number) => Math.max(16, Math.round(n / 2) * 2);
  return ratio >= 1
    ? { width: LONG_SIDE, height: even(LONG_SIDE / ratio) }
    : { width: even(LONG_SIDE * ratio), height: LONG_SIDE };
}

/** Each frame image at the video's size (cover), as PNG. */
const toFrame = (image: Buffer, width: number, height: number) =>
  sharp(image).removeAlpha().resize(width, height, { fit: "cover" }).png().toBuffer();

export async function renderFramesVideo(
  first: Buffer,
  last: Buffer | null,
  options: { aspect?: string; seconds: number },
): Promise<Buffer> {
  const meta = await sharp(first).metadata();
  const aspect = options.aspect === "auto" ? undefined : options.aspect;
  const { width, height } = sizeFor(aspect, meta.width ?? 16, meta.height ?? 9);
  const seconds = options.seconds;
  // Hold each end a quarter of the clip, fade across the middle half.
  const mix = `clip((T-${seconds / 4})/${seconds / 2},0,1)`;
  const { ffmpeg } = await videoTools();
  return withTempDir(async (dir) => {
    const a = path.join(dir, "first.png");
    const b = path.join(dir, "last.png");
    const out = path.join(dir, "frames.mp4");
    await writeFile(a, await toFrame(first, width, height));
    await writeFile(b, await toFrame(last ?? first, width, height));
    const args = [
      ...["-v", "error", "-nostdin"],
      ...["-loop", "1", "-framerate", String(FPS), "-t", String(seconds), "-i", a],
      ...["-loop", "1", "-framerate", String(FPS), "-t", String(seconds), "-i", b],
      "-filter_complex",
      // blend, not xfade: the shipped ffmpeg predates xfade. T is the frame's time in seconds.
      `[0:v]format=yuv420p[a];[1:v]format=yuv420p[b];[a][b]blend=all_expr='A*(1-${mix})+B*${mix}',format=yuv420p`,
      ...["-t", String(seconds), "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-threads", "1"],
      ...["-movflags", "+faststart", "-fflags", "+bitexact", "-y", out],
    ];
    await runTool(ffmpeg, args, { signal: AbortSignal.timeout(ENCODE_TIMEOUT_MS) });
    return readFile(out);
  });
}
