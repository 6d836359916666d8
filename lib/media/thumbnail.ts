// WebP thumbnails: EXIF-rotated, at most 512 px on the long side, never enlarged, metadata
// stripped (sharp writes none unless asked with withMetadata/keepExif, which we never do).
// Animated GIF/WebP inputs give a still of their first frame.
import { MAX_INPUT_PIXELS, sharp, THUMBNAIL_QUALITY, THUMBNAIL_SIZE } from "@/lib/media/sharp-config";
import { MediaError } from "@/lib/media/types";

export type Thumbnail = {
  data: Buffer;
  /** The thumbnail's own size. */
  width: number;
  height: number;
  /** The original's size as displayed, i.e. after EXIF orientation. */
  originalWidth: number;
  originalHeight: number;
};

export type ThumbnailOptions = { maxInputPixels?: number };

export async function makeThumbnail(input: Buffer, options: ThumbnailOptions = {}): Promise<Thumbnail> {
  const maxInputPixels = options.maxInputPixels ?? MAX_INPUT_PIXELS;
  if (input.byteLength === 0) throw new MediaError("empty", "The image is empty.");

  // The header is read without the pixel limit so an oversized image gets a message with its size;
  // the pipeline below enforces the limit again. failOn "error" refuses truncated or corrupt data
  // but not mere warnings (a slightly-off ICC profile is common in the wild).
  const decode = { failOn: "error" } as const;
  let originalWidth: number;
  let originalHeight: number;
  try {
    const metadata = await sharp(input, { ...decode, limitInputPixels: false }).metadata();
    originalWidth = metadata.autoOrient.width;
    originalHeight = metadata.autoOrient.height;
  } catch (error) {
    throw new MediaError("unsupported_type", "The image could not be read.", { cause: error });
  }
  if (!(originalWidth > 0 && originalHeight > 0))
    throw new MediaError("unsupported_type", "The image has no size.");
  if (originalWidth * originalHeight > maxInputPixels)
    throw new MediaError(
      "too_large",
      `The image is ${originalWidth}x${originalHeight}, more than the ${Math.round(maxInputPixels / 100_000) / 10} megapixel limit.`,
    );

  try {
    const { data, info } = await sharp(input, { ...decode, limitInputPixels: maxInputPixels })
      .rotate()
      .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: THUMBNAIL_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, originalWidth, originalHeight };
  } catch (error) {
    throw new MediaError(
      "processing_failed",
      "The image is damaged or incomplete and could not be processed.",
      {
        cause: error,
      },
    );
  }
}
