import "server-only";
// Step three of a direct upload: the browser says the bytes are in storage. The server reads
// the incoming object back (never more than the slot allows), decides the type from the bytes,
// re-encodes the image (orientation applied, metadata dropped), registers it as an asset (stored
// under users/<id>/uploads/ unless the same bytes are there already), removes the raw object and
// answers what /api/upload answers per file.
// The answer is stored with the slot, so completing again answers the same and stores nothing.
import { registerUpload } from "@/lib/assets/register-upload";
import { AppError } from "@/lib/errors";
import type { Logger } from "@/lib/log";
import { storage } from "@/lib/storage";
import { deleteIncoming, readIncoming } from "@/lib/uploads/incoming";
import { describeBytes, type UploadedImage } from "@/lib/uploads/limits";
import { reencodeImage, UPLOAD_URL_TTL_SECONDS } from "@/lib/uploads/reencode-image";
import { findUpload, markCleared, markCompleted, type UploadRow } from "@/lib/uploads/upload-rows";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function noSuchUpload(): AppError {
  return new AppError("not_found", "No such upload.");
}

export async function completeUpload(userId: string, uploadId: string, log: Logger): Promise<UploadedImage> {
  if (!UUID.test(uploadId)) throw noSuchUpload();
  const row = await findUpload(uploadId, userId);
  if (!row) throw noSuchUpload();
  if (row.result) return row.result;

  const incoming = await readIncoming(row.incoming_path, row.max_bytes);
  if (incoming.state === "missing" || incoming.state === "incomplete") {
    // Another completion may have finished (and removed the raw object) meanwhile.
    const again = await findUpload(uploadId, userId);
    if (again?.result) return again.result;
    throw new AppError("conflict", `${row.name}: the upload has not finished, or has expired.`, {
      field: "files",
    });
  }
  if (incoming.state === "too_large") {
    await discard(row);
    throw new AppError("payload_too_large", `${row.name}: larger than ${describeBytes(row.max_bytes)}`, {
      field: "files",
    });
  }

  let image: Awaited<ReturnType<typeof reencodeImage>>;
  try {
    image = await reencodeImage(incoming.data, row.name);
  } catch (error) {
    await discard(row);
    throw error;
  }
  const asset = await registerUpload(userId, image);
  const result: UploadedImage = {
    ...asset,
    url: await storage().signedUrl(asset.path, UPLOAD_URL_TTL_SECONDS),
  };
  if (!(await markCompleted(uploadId, userId, result))) {
    // A parallel completion answered first; both registered the same bytes, so the same asset.
    const winner = await findUpload(uploadId, userId);
    if (!winner?.result) throw noSuchUpload();
    return winner.result;
  }
  await discard(row).catch((error) =>
    log.warn("could not remove an incoming upload", { path: row.incoming_path, error }),
  );
  return result;
}

/** Removes the raw object; the reconciler retries whatever this leaves (cleared_at stays null). */
async function discard(row: UploadRow): Promise<void> {
  await deleteIncoming(row.incoming_path);
  await markCleared(row.id);
}
