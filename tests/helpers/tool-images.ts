// Images for tool tests: made with sharp, uploaded like a browser would (multipart), and read
// back as raw pixels so a test can compare regions of an output with its input.
import sharp from "sharp";
import type { Client } from "./http";

export type Uploaded = { asset_id: string; url: string; width: number; height: number };
export type Pixels = { data: Buffer; width: number; height: number; channels: number };

/** A picture with structure (a gradient and two blocks), so a copied region is recognisable. */
export async function patternPng(width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1d4ed8"/><stop offset="1" stop-color="#f59e0b"/></linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#g)"/>
    <rect x="${width * 0.1}" y="${height * 0.1}" width="${width * 0.3}" height="${height * 0.3}" fill="#111"/>
    <circle cx="${width * 0.7}" cy="${height * 0.7}" r="${Math.min(width, height) * 0.15}" fill="#eee"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export const solidPng = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();

/** A white rectangle on black: the area an inpaint may change. */
export async function rectMask(
  width: number,
  height: number,
  rect: { left: number; top: number; width: number; height: number },
): Promise<Buffer> {
  const white = await solidPng(rect.width, rect.height, "#fff");
  return sharp({ create: { width, height, channels: 3, background: "#000" } })
    .composite([{ input: white, left: rect.left, top: rect.top }])
    .png()
    .toBuffer();
}

export async function uploadImage(client: Client, png: Buffer, role?: "mask"): Promise<Uploaded> {
  const form = new FormData();
  form.append("files", new Blob([new Uint8Array(png)], { type: "image/png" }), "image.png");
  if (role) form.append("role", role);
  const res = await client.request<{ files: Uploaded[] }>("POST", "/api/upload", { body: form });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.files[0] as Uploaded;
}

export async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`download: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

export async function pixels(data: Buffer, channels: 3 | 4 = 3): Promise<Pixels> {
  const image = channels === 3 ? sharp(data).removeAlpha() : sharp(data).ensureAlpha();
  const { data: raw, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return { data: raw, width: info.width, height: info.height, channels: info.channels };
}

/**
 * Largest per-channel difference between `a` (whole image) and `b` placed at (left, top), over
 * the pixels `where` accepts (coordinates in `b`).
 */
export function maxDifference(
  a: Pixels,
  b: Pixels,
  at: { left: number; top: number } = { left: 0, top: 0 },
  where: (x: number, y: number) => boolean = () => true,
): number {
  let max = 0;
  for (let y = 0; y < b.height; y++)
    for (let x = 0; x < b.width; x++) {
      if (!where(x, y)) continue;
      for (let c = 0; c < 3; c++) {
        const va = a.data[((y + at.top) * a.width + x + at.left) * a.channels + c] as number;
        const vb = b.data[(y * b.width + x) * b.channels + c] as number;
        max = Math.max(max, Math.abs(va - vb));
      }
    }
  return max;
}
