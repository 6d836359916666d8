import "server-only";
// Reference images sent as multipart to /api/upload (small API clients; the app's own form
// uploads straight to storage, lib/uploads/create-slot.ts): type checked from the bytes,
// re-encoded with sharp, stored under the user once per content (lib/assets/register-upload.ts),
// and returned as assets with signed URLs.
import { registerUpload, type UploadRole } from "@/lib/assets/register-upload";
import { AppError } from "@/lib/errors";
import { storage } from "@/lib/storage";
import { describeBytes, MAX_UPLOAD_FILES, type UploadedImage } from "@/lib/uploads/limits";
import { maxUploadBytes } from "@/lib/uploads/max-bytes";
import { reencodeImage, UPLOAD_URL_TTL_SECONDS } from "@/lib/uploads/reencode-image";

export { MAX_UPLOAD_FILES, type UploadedImage } from "@/lib/uploads/limits";

export async function storeUploads(
  userId: string,
  files: File[],
  role: UploadRole = "input",
): Promise<UploadedImage[]> {
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
  // Registered one by one: an asset that exists is answered again, never stored twice.
  const results: UploadedImage[] = [];
  for (const image of encoded) {
    const asset = await registerUpload(userId, image, role);
    results.push({ ...asset, url: await storage().signedUrl(asset.path, UPLOAD_URL_TTL_SECONDS) });
  }
  return results;
}
