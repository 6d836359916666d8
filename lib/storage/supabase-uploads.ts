import "server-only";
// Direct uploads against Supabase Storage (lib/uploads/): the signed upload token that lets a
// browser write one object path without a session of its own, and reading an uploaded object
// back with a size cap. The browser sends the bytes over tus to
// `<project>/storage/v1/upload/resumable/sign` with the token as `x-signature`: Storage checks
// that the token's path is the `objectName` of the upload, so the token writes nothing else.
// Tokens last two hours (Storage's setting) and never overwrite (no upsert).
import type { SupabaseClient } from "@supabase/supabase-js";
import { assertObjectPath } from "@/lib/storage/paths";

/** How long Supabase Storage honours a signed upload token. */
export const SIGNED_UPLOAD_TTL_SECONDS = 2 * 60 * 60;

export type ObjectRead =
  | { state: "missing" }
  | { state: "too_large"; bytes: number }
  | { state: "ready"; data: Buffer };

export async function createSignedUploadToken(
  client: SupabaseClient,
  bucket: string,
  objectPath: string,
): Promise<string> {
  assertObjectPath(objectPath);
  const { data, error } = await client.storage.from(bucket).createSignedUploadUrl(objectPath);
  if (error) throw new Error(`Supabase Storage could not sign an upload for ${objectPath}: ${error.message}`);
  return data.token;
}

/** The whole object when it is at most `maxBytes`; its size is asked first, so a big one is never fetched. */
export async function readSupabaseObject(
  client: SupabaseClient,
  bucket: string,
  objectPath: string,
  maxBytes: number,
): Promise<ObjectRead> {
  assertObjectPath(objectPath);
  const files = client.storage.from(bucket);
  const info = await files.info(objectPath);
  if (info.error) {
    if (isNotFound(info.error)) return { state: "missing" };
    throw new Error(`Supabase Storage info failed for ${objectPath}: ${info.error.message}`);
  }
  const size = Number(info.data.size ?? 0);
  if (size > maxBytes) return { state: "too_large", bytes: size };
  const download = await files.download(objectPath);
  if (download.error) {
    if (isNotFound(download.error)) return { state: "missing" };
    throw new Error(`Supabase Storage download failed for ${objectPath}: ${download.error.message}`);
  }
  const data = Buffer.from(await download.data.arrayBuffer());
  // Written again between the two calls: the size that counts is what arrived.
  if (data.byteLength > maxBytes) return { state: "too_large", bytes: data.byteLength };
  return { state: "ready", data };
}

function isNotFound(error: { message: string; status?: number; statusCode?: string }): boolean {
  const status = (error as { status?: number }).status;
  const statusCode = (error as { statusCode?: string }).statusCode;
  return status === 404 || statusCode === "404" || /not.?found/i.test(error.message);
}
