import "server-only";
// Reference images for Google requests travel inline, so the adapter reads their bytes itself.
// Our own signed file links are read from storage (lib/providers/reference-url.ts); every other
// URL goes through the one downloader under the public-address policy (resolved by us, refused
// unless every address is public, connected to the address checked, each redirect hop checked
// again). Either way: at most 10 MB, and an image by its bytes, whatever the headers say.
import { openMediaDownload, readToBuffer } from "@/lib/media/download";
import { sniffMediaType } from "@/lib/media/sniff";
import { formatBytes, isMediaError } from "@/lib/media/types";
import type { HostPolicy } from "@/lib/net/host-policy";
import { referenceTarget } from "@/lib/providers/reference-url";
import { localFiles } from "@/lib/storage";

export const MAX_REFERENCE_BYTES = 10 * 1024 * 1024;
const REFERENCE_TIMEOUT_MS = 30_000;

export type ReferenceImage = { data: Buffer; mimeType: string };

/** A reference image that cannot be used; the message names the field and reads well as a failure reason. */
export class ReferenceImageError extends Error {
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = "ReferenceImageError";
  }
}

/** `field` names the input the URL came from (`reference_images.0`), for the message. */
export async function readReferenceImage(url: string, field: string): Promise<ReferenceImage> {
  const target = referenceTarget(url);
  if (target.kind === "refused") throw new ReferenceImageError(field, target.reason);
  if (target.kind === "local-object") return readLocalObject(target.objectPath, field);
  const policy: HostPolicy =
    target.kind === "supabase-object" ? { kind: "allow-list", hosts: [target.host] } : { kind: "public" };
  try {
    const download = await openMediaDownload(url, {
      policy,
      maxBytes: MAX_REFERENCE_BYTES,
      timeoutMs: REFERENCE_TIMEOUT_MS,
      kind: "image",
    });
    return { data: await readToBuffer(download.body), mimeType: download.type.mime };
  } catch (error) {
    if (isMediaError(error)) throw new ReferenceImageError(field, error.message);
    throw error;
  }
}

async function readLocalObject(objectPath: string, field: string): Promise<ReferenceImage> {
  const file = await localFiles().openRead(objectPath);
  if (!file) throw new ReferenceImageError(field, "the file no longer exists: add the image again");
  const tooLarge = () =>
    new ReferenceImageError(field, `the image is larger than the ${formatBytes(MAX_REFERENCE_BYTES)} limit`);
  let data: Buffer;
  try {
    if (file.size > MAX_REFERENCE_BYTES) throw tooLarge();
    data = await file.handle.readFile();
  } finally {
    await file.handle.close();
  }
  if (data.byteLength > MAX_REFERENCE_BYTES) throw tooLarge();
  const type = sniffMediaType(data);
  if (type?.kind !== "image") throw new ReferenceImageError(field, "the file is not a supported image");
  return { data, mimeType: type.mime };
}
