// Image to video and keyframes: a real MP4 whose first frame is the first image and whose last
// frame is the last image (or the first again), cross-fading between them, so a test can check
// both ends. Small frames keep the I_PCM file small.
import sharp from "sharp";
import { paddedSize, type YuvFrame } from "./h264";
import { buildMp4 } from "./mp4";

const FPS = 12;
const SECONDS = 2;
/** The longer side of the video, in pixels. */
const LONG_SIDE = 128;

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

async function rgbAt(data: Buffer, width: number, height: number): Promise<Buffer> {
  return sharp(data).removeAlpha().resize(width, height, { fit: "cover" }).raw().toBuffer();
}

/** BT.601 studio-range YUV 4:2:0 of an RGB frame, padded to whole macroblocks. */
function toYuv(rgb: Buffer, width: number, height: number): YuvFrame {
  const padded = paddedSize(width, height);
  const y = new Uint8Array(padded.width * padded.height).fill(16);
  const cw = padded.width / 2;
  const cb = new Uint8Array(cw * (padded.height / 2)).fill(128);
  const cr = new Uint8Array(cb.length).fill(128);
  const at = (x: number, row: number, c: number) => (rgb[(row * width + x) * 3 + c] as number) / 255;
  for (let row = 0; row < height; row++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = [at(x, row, 0), at(x, row, 1), at(x, row, 2)];
      y[row * padded.width + x] = Math.round(16 + 65.481 * r + 128.553 * g + 24.966 * b);
    }
  for (let row = 0; row < height / 2; row++)
    for (let x = 0; x < width / 2; x++) {
      let [r, g, b] = [0, 0, 0];
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        r += at(x * 2 + dx, row * 2 + dy, 0) / 4;
        g += at(x * 2 + dx, row * 2 + dy, 1) / 4;
        b += at(x * 2 + dx, row * 2 + dy, 2) / 4;
      }
      cb[row * cw + x] = Math.round(128 - 37.797 * r - 74.203 * g + 112 * b);
      cr[row * cw + x] = Math.round(128 + 112 * r - 93.786 * g - 18.214 * b);
    }
  return { y, cb, cr };
}

function blend(a: YuvFrame, b: YuvFrame, t: number): YuvFrame {
  const mix = (x: Uint8Array, y: Uint8Array) =>
    x.map((v, i) => Math.round(v * (1 - t) + (y[i] as number) * t));
  return { y: mix(a.y, b.y), cb: mix(a.cb, b.cb), cr: mix(a.cr, b.cr) };
}

export async function renderFramesVideo(
  first: Buffer,
  last: Buffer | null,
  aspect?: string,
): Promise<Buffer> {
  const meta = await sharp(first).metadata();
  const { width, height } = sizeFor(
    aspect === "auto" ? undefined : aspect,
    meta.width ?? 16,
    meta.height ?? 9,
  );
  const start = toYuv(await rgbAt(first, width, height), width, height);
  const end = last ? toYuv(await rgbAt(last, width, height), width, height) : start;
  const count = FPS * SECONDS;
  const frames = Array.from({ length: count }, (_, i) => blend(start, end, i / (count - 1)));
  return buildMp4({ width, height, fps: FPS, frames });
}
