import "server-only";
// Reference images sent as multipart to /api/upload (small API clients; the app's own form
// uploads straight to storage, lib/uploads/create-slot.ts): type checked from the bytes,
// re-encoded with sharp, stored under the user, and returned as signed URLs that providers can
// fetch.
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { storage } from "@/lib/storage";
import { describeBytes, MAX_UPLOAD_FILES, type UploadedImage } from "@/lib/uploads/limits";
import { maxUploadBytes } from "@/lib/uploads/max-bytes";
import { reencodeImage, UPLOAD_URL_TTL_SECONDS } from "@/lib/uploads/reencode-image";

export { MAX_UPLOAD_FILES, type UploadedImage } from "@/lib/uploads/limits";

export async function storeUploads(userId: string, files: File[]): Promise<UploadedImage[]> {
  const field = { field: "files" };
  const maxBytes = maxUploadBytes("image");
  if (files.length === 0) throw new AppError("bad_request", "files: attach at least one image", field);
  if (files.length > MAX_UPLOAD_FILES)
    throw new AppError("bad_request", `files: at most ${MAX_UPLOAD_FILES} images at once`, field);
  const tooBig = files.find((f) => f.size > maxBytes);
  if (tooBig)
    throw new AppError("payload_too_large", `${tooBig.name}: larger than ${describeBytes(maxBytes)}`, field);

  // Re-encode everything first, so a bad file anywhere stores nothing at all.
  const encoded = [];
  for (const file of files) {
    encoded.push(await reencodeImage(Buffer.from(await file.arrayBuffer()), file.name || "file"));
  }
  const stored: string[] = [];
  try {
    const results: UploadedImage[] = [];
    for (const { out, width, height, mime, ext } of encoded) {
      const path = `users/${userId}/uploads/${randomUUID()}.${ext}`;
      await storage().putBuffer(path, out, { contentType: mime });
      stored.push(path);
      results.push({
        url: await storage().signedUrl(path, UPLOAD_URL_TTL_SECONDS),
        path,
        mime,
        width,
        height,
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
