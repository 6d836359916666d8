// Image tools made real enough to check: inpaint repaints only where the mask is white, expand
// puts the original on a bigger canvas at the asked place, upscale multiplies the size, cutout
// returns an alpha PNG (the border colour becomes transparent), restore keeps the size.
import sharp from "sharp";
import { renderImage } from "./media";
import type { ToolJob } from "./tool-jobs";

const FETCH_TIMEOUT_MS = 30_000;

/** Reads an input image as the provider would; a failure fails the job with the reason. */
export async function fetchImage(url: string, field: string): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch {
    throw new Error(`Could not download ${field}`);
  }
  if (!res.ok) throw new Error(`Could not download ${field}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

type Raw = { data: Buffer; width: number; height: number };

async function rgb(data: Buffer): Promise<Raw> {
  const { data: raw, info } = await sharp(data).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: raw, width: info.width, height: info.height };
}

/** A generated fill for an area: the emulator's usual image for this prompt and seed. */
async function fill(prompt: string, seed: number, width: number, height: number): Promise<Raw> {
  return rgb(await renderImage({ width, height, format: "png", prompt, seed }));
}

const png = (raw: Raw, channels: 3 | 4 = 3) =>
  sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels } })
    .png()
    .toBuffer();

export async function runImageTool(
  job: Exclude<ToolJob, { op: "frames" }>,
  context: { prompt: string; seed: number },
): Promise<Buffer> {
  const image = await fetchImage(job.image, "image");
  switch (job.op) {
    case "inpaint": {
      const base = await rgb(image);
      const maskImage = await sharp(await fetchImage(job.mask, "mask"))
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      if (maskImage.info.width !== base.width || maskImage.info.height !== base.height)
        throw new Error("The mask must have the same size as the image");
      const paint = await fill(context.prompt, context.seed, base.width, base.height);
      const out = Buffer.from(base.data);
      for (let p = 0; p < base.width * base.height; p++) {
        if ((maskImage.data[p] as number) < 128) continue;
        for (let c = 0; c < 3; c++) out[p * 3 + c] = paint.data[p * 3 + c] as number;
      }
      return png({ ...base, data: out });
    }
    case "canvas": {
      const [width, height] = job.canvas;
      const original = job.size
        ? await sharp(image).resize(job.size[0], job.size[1], { fit: "fill" }).png().toBuffer()
        : image;
      const meta = await sharp(original).metadata();
      const [w, h] = [meta.width ?? 0, meta.height ?? 0];
      const [left, top] = job.at ?? [Math.round((width - w) / 2), Math.round((height - h) / 2)];
      const background = await renderImage({ width, height, format: "png", ...context });
      return sharp(background)
        .composite([{ input: await sharp(original).removeAlpha().png().toBuffer(), left, top }])
        .png()
        .toBuffer();
    }
    case "pad": {
      const meta = await sharp(image).metadata();
      const width = (meta.width ?? 0) + job.left + job.right;
      const height = (meta.height ?? 0) + job.top + job.bottom;
      const background = await renderImage({ width, height, format: "png", ...context });
      return sharp(background)
        .composite([
          { input: await sharp(image).removeAlpha().png().toBuffer(), left: job.left, top: job.top },
        ])
        .png()
        .toBuffer();
    }
    case "upscale": {
      const meta = await sharp(image).metadata();
      const factor = job.factor;
      return sharp(image)
        .resize(Math.round((meta.width ?? 1) * factor), Math.round((meta.height ?? 1) * factor), {
          kernel: "lanczos3",
        })
        .png()
        .toBuffer();
    }
    case "restore": {
      const meta = await sharp(image).metadata();
      const factor = job.factor;
      return sharp(image)
        .resize(Math.round((meta.width ?? 1) * factor), Math.round((meta.height ?? 1) * factor))
        .sharpen()
        .png()
        .toBuffer();
    }
    case "cutout":
      return cutout(await rgb(image), job.background);
  }
}

const BACKGROUNDS: Record<string, [number, number, number]> = { white: [255, 255, 255], green: [0, 177, 64] };

/** Pixels close to the top-left corner's colour are background. */
async function cutout(base: Raw, background: string): Promise<Buffer> {
  const [r0, g0, b0] = [base.data[0] as number, base.data[1] as number, base.data[2] as number];
  const pixels = base.width * base.height;
  const out = Buffer.alloc(pixels * 4);
  const solid = BACKGROUNDS[background];
  const transparent = background === "rgba";
  for (let p = 0; p < pixels; p++) {
    const [r, g, b] = [
      base.data[p * 3] as number,
      base.data[p * 3 + 1] as number,
      base.data[p * 3 + 2] as number,
    ];
    const isBackground = Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) < 48;
    out.set(isBackground && solid ? solid : [r, g, b], p * 4);
    out[p * 4 + 3] = isBackground && transparent ? 0 : 255;
  }
  return png({ data: out, width: base.width, height: base.height }, 4);
}
