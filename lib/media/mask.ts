// Inpainting masks: white is changed, black is kept. A mask painted on a transparent canvas (an
// alpha PNG, as brushes and many editors export) is turned into that form: whatever was painted
// (opaque) becomes white. An empty mask would change nothing, so it is refused before paying.
import { sharp } from "@/lib/media/sharp-config";

export type MaskFacts = {
  width: number;
  height: number;
  /** A greyscale PNG in the white-changes form, when the given mask was an alpha one. */
  converted: Buffer | null;
  /** Share of pixels that would change (mask value at or above half). */
  coverage: number;
};

export async function readMask(data: Buffer): Promise<MaskFacts> {
  const { data: raw, info } = await sharp(data).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const pixels = info.width * info.height;
  let translucent = false;
  for (let i = 3; i < raw.length; i += 4) if ((raw[i] as number) < 255) translucent = true;
  const mask = Buffer.alloc(pixels);
  let changed = 0;
  for (let p = 0; p < pixels; p++) {
    const o = p * 4;
    const value = translucent
      ? (raw[o + 3] as number)
      : Math.round(
          0.299 * (raw[o] as number) + 0.587 * (raw[o + 1] as number) + 0.114 * (raw[o + 2] as number),
        );
    mask[p] = value;
    if (value >= 128) changed++;
  }
  const converted = translucent
    ? await sharp(mask, { raw: { width: info.width, height: info.height, channels: 1 } })
        .toColourspace("b-w")
        .png()
        .toBuffer()
    : null;
  return { width: info.width, height: info.height, converted, coverage: changed / pixels };
}
