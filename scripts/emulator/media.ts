// "Generates" media: real images and videos that are deterministic in prompt + seed and look
// clearly different from one prompt to the next (colours and shapes come from a hash).
import { createHash } from "node:crypto";
import sharp from "sharp";
import { renderPatternVideo } from "./pattern-video";

export type ImageFormat = "png" | "webp" | "jpeg";

export const CONTENT_TYPES = {
  png: "image/png",
  webp: "image/webp",
  jpeg: "image/jpeg",
  mp4: "video/mp4",
} as const;

export interface ImageSpec {
  width: number;
  height: number;
  format: ImageFormat;
  prompt: string;
  seed: number;
}

// Output sizes per aspect ratio at ~1 megapixel (the table Gemini 2.5 Flash Image and Flux use).
const ASPECT_SIZES: Record<string, [number, number]> = {
  "1:1": [1024, 1024],
  "16:9": [1344, 768],
  "9:16": [768, 1344],
  "21:9": [1536, 672],
  "9:21": [672, 1536],
  "3:2": [1248, 832],
  "2:3": [832, 1248],
  "4:3": [1184, 864],
  "3:4": [864, 1184],
  "5:4": [1152, 896],
  "4:5": [896, 1152],
};

export function sizeForAspect(aspect: string | undefined, scale = 1): { width: number; height: number } {
  const known = aspect ? ASPECT_SIZES[aspect] : undefined;
  if (known) return clampSize(known[0] * scale, known[1] * scale);
  const match = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(aspect ?? "");
  if (!match) return clampSize(1024 * scale, 1024 * scale);
  const ratio = Number(match[1]) / Number(match[2]);
  const width = Math.sqrt(1024 * 1024 * ratio) * scale;
  return clampSize(width, width / ratio);
}

/** Whole multiples of 16 between 16 and 4096 px, so generation stays fast and sizes stay sane. */
export function clampSize(width: number, height: number): { width: number; height: number } {
  const snap = (n: number) => Math.min(4096, Math.max(16, Math.round(n / 16) * 16));
  return { width: snap(width), height: snap(height) };
}

export function parseFormat(value: unknown, fallback: ImageFormat): ImageFormat {
  if (value === "png" || value === "webp") return value;
  if (value === "jpg" || value === "jpeg") return "jpeg";
  return fallback;
}

const VIDEO_MODEL = /video|veo|kling|hailuo|seedance|luma\/ray|pixverse|i2v|t2v|wan-2|wan2|minimax\/video/i;

export function isVideoModel(modelRef: string): boolean {
  return VIDEO_MODEL.test(modelRef);
}

/** The seed a real provider would pick at random; here derived from the prompt to stay reproducible. */
export function resolveSeed(prompt: string, seed: unknown): number {
  if (typeof seed === "number" && Number.isFinite(seed)) return Math.trunc(seed);
  return createHash("sha256").update(prompt).digest().readUInt32BE(0) % 1_000_000;
}

function hashBytes(prompt: string, seed: number): Buffer {
  return createHash("sha256").update(`${prompt}\u0000${seed}`).digest();
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0), f(8), f(4)].map((c) => Math.round(c * 255)) as [number, number, number];
}

function colour(bytes: Buffer, at: number): [number, number, number] {
  const b = (i: number) => bytes[(at + i) % bytes.length]!;
  return hslToRgb((b(0) / 256) * 360, 0.55 + b(1) / 640, 0.3 + b(2) / 512);
}

const hex = ([r, g, b]: [number, number, number]) =>
  `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`;

function svgFor(spec: ImageSpec): string {
  const { width: w, height: h } = spec;
  const bytes = hashBytes(spec.prompt, spec.seed);
  const b = (i: number) => bytes[i % bytes.length]! / 255;
  const angle = b(6) * Math.PI * 2;
  const [x1, y1] = [0.5 - Math.cos(angle) / 2, 0.5 - Math.sin(angle) / 2];
  const shapes: string[] = [];
  for (let i = 0; i < 6; i++) {
    const fill = hex(colour(bytes, 8 + i * 4));
    const cx = b(9 + i * 3) * w;
    const cy = b(10 + i * 3) * h;
    const size = (0.08 + b(11 + i * 3) * 0.25) * Math.min(w, h);
    shapes.push(
      i % 2 === 0
        ? `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${size.toFixed(1)}" fill="${fill}" fill-opacity="0.8"/>`
        : `<rect x="${(cx - size).toFixed(1)}" y="${(cy - size / 2).toFixed(1)}" width="${(size * 2).toFixed(1)}" height="${size.toFixed(1)}" fill="${fill}" fill-opacity="0.75"/>`,
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<defs><linearGradient id="g" x1="${x1.toFixed(3)}" y1="${y1.toFixed(3)}" x2="${(1 - x1).toFixed(3)}" y2="${(1 - y1).toFixed(3)}">`,
    `<stop offset="0" stop-color="${hex(colour(bytes, 0))}"/><stop offset="1" stop-color="${hex(colour(bytes, 3))}"/>`,
    `</linearGradient></defs><rect width="${w}" height="${h}" fill="url(#g)"/>`,
    ...shapes,
    "</svg>",
  ].join("");
}

export async function renderImage(spec: ImageSpec): Promise<Buffer> {
  const image = sharp(Buffer.from(svgFor(spec)));
  if (spec.format === "png") return image.png({ compressionLevel: 6 }).toBuffer();
  if (spec.format === "webp") return image.webp({ quality: 82 }).toBuffer();
  return image.jpeg({ quality: 85 }).toBuffer();
}

const VIDEO_SIZES: Record<string, [number, number]> = {
  "16:9": [640, 360],
  "9:16": [360, 640],
  "1:1": [480, 480],
};

/** Video lengths the emulator makes, in seconds: what was asked, within what models offer. */
export function videoSeconds(requested: unknown): number {
  const seconds = typeof requested === "string" ? Number(requested) : requested;
  if (typeof seconds !== "number" || !Number.isFinite(seconds)) return 5;
  return Math.min(10, Math.max(1, Math.round(seconds)));
}

/**
 * An H.264 MP4 of `seconds` (5 by default) at 24 fps: a colour field with a still square in the
 * middle and a block sliding from the left edge to the right, all coloured by the prompt hash.
 */
export function renderVideo(options: {
  prompt: string;
  seed: number;
  aspectRatio?: string;
  seconds?: number;
}): Promise<Buffer> {
  const [width, height] = VIDEO_SIZES[options.aspectRatio ?? "16:9"] ?? [640, 360];
  const bytes = hashBytes(options.prompt, options.seed);
  const rgb = (at: number) => hex(colour(bytes, at)).slice(1);
  return renderPatternVideo({
    width,
    height,
    seconds: options.seconds ?? 5,
    background: rgb(0),
    block: rgb(5),
    middle: rgb(10),
  });
}
