// Masks as inpainting takes them: white changes, black keeps. An alpha mask (painted on a
// transparent canvas) becomes that form; an empty one is recognised.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { readMask } from "@/lib/media/mask";

const blackWithWhite = async () =>
  sharp({ create: { width: 40, height: 20, channels: 3, background: "#000" } })
    .composite([
      {
        input: await sharp({ create: { width: 10, height: 20, channels: 3, background: "#fff" } })
          .png()
          .toBuffer(),
        left: 0,
        top: 0,
      },
    ])
    .png()
    .toBuffer();

describe("readMask", () => {
  it("takes a black and white mask as it is and measures what it changes", async () => {
    const mask = await readMask(await blackWithWhite());
    expect(mask).toMatchObject({ width: 40, height: 20, converted: null });
    expect(mask.coverage).toBeCloseTo(0.25);
  });

  it("converts an alpha mask: what was painted (opaque) becomes white", async () => {
    const painted = await sharp({
      create: { width: 10, height: 20, channels: 4, background: { r: 255, g: 0, b: 80, alpha: 1 } },
    })
      .png()
      .toBuffer();
    const alpha = await sharp({
      create: { width: 40, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([{ input: painted, left: 30, top: 0 }])
      .png()
      .toBuffer();
    const mask = await readMask(alpha);
    expect(mask.coverage).toBeCloseTo(0.25);
    expect((await sharp(mask.converted!).metadata()).channels).toBe(1);
    const data = await sharp(mask.converted!).greyscale().raw().toBuffer();
    expect([data[0], data[35]]).toEqual([0, 255]);
  });

  it("finds nothing painted in an all-black or all-transparent mask", async () => {
    const black = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    const clear = await sharp({
      create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    expect((await readMask(black)).coverage).toBe(0);
    expect((await readMask(clear)).coverage).toBe(0);
  });
});
