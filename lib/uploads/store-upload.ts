import "server-only";
// Reference images people upload: type checked from the bytes, re-encoded with sharp (which
// drops metadata and anything smuggled after the image data), stored under the user, and
// returned as signed URLs that providers can fetch.
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { mediaSemaphore } from "@/lib/media/semaphore";
import { MAX_INPUT_PIXELS, sharp } from "@/lib/media/sharp-config";
import { sniffMediaType } from "@/lib/media/sniff";
import { storage } from "@/lib/storage";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, type UploadedImage } from "@/lib/uploads/limits";

export { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, type UploadedImage } from "@/lib/uploads/limits";

/** Providers fetch inputs when the job runs, which may be well after the upload. */
const UPLOAD_URL_TTL_SECONDS = 24 * 60 * 60;

async function reencode(data: Buffer, name: string) {
  const type = sniffMediaType(data);
  if (type?.kind !== "image")
    throw new AppError("unsupported_media_type", `${name}: not a PNG, JPEG, WebP, GIF or AVIF image`, {
      field: "files",
    });
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
    return { out, info, mime: encoded.mime, ext: encoded.ext };
  } catch {
    throw new AppError("bad_request", `${name}: the image could not be read`, { field: "files" });
  }
}

export async function storeUploads(userId: string, files: File[]): Promise<UploadedImage[]> {
  const field = { field: "files" };
  if (files.length === 0) throw new AppError("bad_request", "files: attach at least one image", field);
  if (files.length > MAX_UPLOAD_FILES)
    throw new AppError("bad_request", `files: at most ${MAX_UPLOAD_FILES} images at once`, field);
  const tooBig = files.find((f) => f.size > MAX_UPLOAD_BYTES);
  if (tooBig) throw new AppError("payload_too_large", `${tooBig.name}: larger than 10 MB`, field);

  // Re-encode everything first, so a bad file anywhere stores nothing at all.
  const encoded = [];
  for (const file of files) {
    encoded.push(
      await mediaSemaphore.withPermit(async () =>
        reencode(Buffer.from(await file.arrayBuffer()), file.name || "file"),
      ),
    );
  }
  const stored: string[] = [];
  try {
    const results: UploadedImage[] = [];
    for (const { out, info, mime, ext } of encoded) {
      const path = `users/${userId}/uploads/${randomUUID()}.${ext}`;
      await storage().putBuffer(path, out, { contentType: mime });
      stored.push(path);
      results.push({
        url: await storage().signedUrl(path, UPLOAD_URL_TTL_SECONDS),
        path,
        mime,
        width: info.width,
        height: info.height,
        bytes: out.length,
      });
    }
    return results;
  } catch (error) {
    await storage()
      .delete(stored)
      .catch(() => {});
    throw error;
  }
}
