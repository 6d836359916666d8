import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeThumbnail } from "@/lib/media/thumbnail";
import { MediaError } from "@/lib/media/types";
import { makePng, solid } from "./media-helpers";

const RED = { r: 255, g: 0, b: 0 };
const BLUE = { r: 0, g: 0, b: 255 };

/** 600x300: left half red, right half blue, stored with EXIF orientation 6 (display rotated 90° clockwise). */
async function orientedJpeg(): Promise<Buffer> {
  const blue = await solid(300, 300, BLUE).png().toBuffer();
  return solid(600, 300, RED)
    .composite([{ input: blue, left: 300, top: 0 }])
    .jpeg({ quality: 95 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

async function pixel(image: Buffer, x: number, y: number) {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return { r: data[offset] ?? -1, g: data[offset + 1] ?? -1, b: data[offset + 2] ?? -1 };
}

describe("makeThumbnail", () => {
  it("makes a WebP with 512 px on the long side and reports the original size", async () => {
    const thumbnail = await makeThumbnail(await makePng(2000, 1000));
    const metadata = await sharp(thumbnail.data).metadata();
    expect(metadata.format).toBe("webp");
    expect([metadata.width, metadata.height]).toEqual([512, 256]);
    expect(thumbnail).toMatchObject({ width: 512, height: 256, originalWidth: 2000, originalHeight: 1000 });
  });

  it("applies EXIF orientation and strips the metadata", async () => {
    const input = await orientedJpeg();
    const inputMetadata = await sharp(input).metadata();
    expect(inputMetadata.orientation).toBe(6);
    expect(inputMetadata.exif).toBeDefined();

    const thumbnail = await makeThumbnail(input);
    const metadata = await sharp(thumbnail.data).metadata();
    expect(metadata.format).toBe("webp");
    // 600x300 stored, 300x600 displayed: the thumbnail is portrait, 256x512.
    expect([metadata.width, metadata.height]).toEqual([256, 512]);
    expect([thumbnail.originalWidth, thumbnail.originalHeight]).toEqual([300, 600]);
    expect(metadata.orientation).toBeUndefined();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    // Rotated clockwise, the red left half is now on top and the blue right half below.
    const top = await pixel(thumbnail.data, 128, 64);
    const bottom = await pixel(thumbnail.data, 128, 448);
    expect(top.r).toBeGreaterThan(200);
    expect(top.b).toBeLessThan(60);
    expect(bottom.b).toBeGreaterThan(200);
    expect(bottom.r).toBeLessThan(60);
  });

  it("never enlarges a small image", async () => {
    const thumbnail = await makeThumbnail(await makePng(100, 40));
    expect(thumbnail).toMatchObject({ width: 100, height: 40, originalWidth: 100, originalHeight: 40 });
  });

  it("takes the first frame of an animated GIF", async () => {
    const red = await solid(64, 128, RED).png().toBuffer();
    const blue = await solid(64, 128, BLUE).png().toBuffer();
    const gif = await sharp([red, blue], { join: { animated: true } })
      .gif()
      .toBuffer();
    expect((await sharp(gif).metadata()).pages).toBe(2);
    const thumbnail = await makeThumbnail(gif);
    const metadata = await sharp(thumbnail.data).metadata();
    expect(metadata.format).toBe("webp");
    expect(metadata.pages ?? 1).toBe(1);
    expect(thumbnail).toMatchObject({ width: 64, height: 128, originalWidth: 64, originalHeight: 128 });
    expect((await pixel(thumbnail.data, 32, 64)).r).toBeGreaterThan(200);
  });

  it.each([
    ["empty input", Buffer.alloc(0), "empty"],
    ["bytes that are not an image", Buffer.from("<html>hello</html>"), "unsupported_type"],
  ])("refuses %s", async (_name, input, code) => {
    const error = await makeThumbnail(input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MediaError);
    expect((error as MediaError).code).toBe(code);
  });

  it("refuses a truncated image", async () => {
    const png = await makePng(300, 300);
    const error = await makeThumbnail(png.subarray(0, Math.floor(png.length / 2))).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MediaError);
  });

  it("refuses an image above the pixel limit without decoding it", async () => {
    const error = await makeThumbnail(await makePng(1000, 1000), { maxInputPixels: 500_000 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MediaError);
    expect((error as MediaError).code).toBe("too_large");
    expect((error as MediaError).message).toBe("The image is 1000x1000, more than the 0.5 megapixel limit.");
  });
});
