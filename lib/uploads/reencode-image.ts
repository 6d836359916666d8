import "server-only";
// Reference images are checked from their bytes and re-encoded with sharp, which applies the
// EXIF orientation and drops every piece of metadata (GPS, camera, comments) and anything
// smuggled after the image data. Both upload paths (multipart and direct) go through here.
import { AppError } from "@/lib/errors";
import { mediaSemaphore } from "@/lib/media/semaphore";
import { MAX_INPUT_PIXELS, sharp } from "@/lib/media/sharp-config";
import { sniffMediaType } from "@/lib/media/sniff";

/** Providers fetch inputs when the job runs, which may be well after the upload. */
export const UPLOAD_URL_TTL_SECONDS = 24 * 60 * 60;

export type ReencodedImage = { out: Buffer; width: number; height: number; mime: string; ext: string };

export function notAnImage(name: string, field = "files"): AppError {
  return new AppError("unsupported_media_type", `${name}: not a PNG, JPEG, WebP, GIF or AVIF image`, {
    field,
  });
}

/** Throws 415 when the bytes are not an image we take, 400 when sharp cannot decode them. */
export async function reencodeImage(data: Buffer, name: string, field = "files"): Promise<ReencodedImage> {
  const type = sniffMediaType(data);
  if (type?.kind !== "image") throw notAnImage(name, field);
  return mediaSemaphore.withPermit(async () => {
    const image = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS }).rotate();
    try {
      // PNG and GIF keep transparency as PNG; everything else becomes JPEG or WebP as it was.
      const encoded =
        type.ext === "png" || type.ext === "gif"
          ? { pipeline: image.png(), mime: "image/png", ext: "png" }
          : type.ext === "webp"
            ? { pipeline: image.webp({ quality: 92 }), mime: "image/webp", ext: "webp" }
            : { pipeline: image.jpeg({ quality: 92 }), mime: "image/jpeg", ext: "jpg" };
      const { data: out, info } = await encoded.pipeline.toBuffer({ resolveWithObject: true });
      return { out, width: info.width, height: info.height, mime: encoded.mime, ext: encoded.ext };
    } catch {
      throw new AppError("bad_request", `${name}: the image could not be read`, { field });
    }
  });
}
