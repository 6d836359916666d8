import "server-only";
// An original file as a stream, never read whole: straight from disk in local storage, through
// a short-lived signed URL with Supabase Storage (its SDK's download would buffer the file).
import { Readable } from "node:stream";
import { mode } from "@/lib/env";
import { localFiles, storage } from "@/lib/storage";

const SIGNED_URL_SECONDS = 5 * 60;

/** The object's bytes, or null when it is missing. */
export async function openOriginal(objectPath: string, signal?: AbortSignal): Promise<Readable | null> {
  if (mode.storage === "local") {
    const file = await localFiles().openRead(objectPath);
    // The read stream closes the handle when it ends or is destroyed.
    return file ? file.handle.createReadStream() : null;
  }
  const url = await storage().signedUrl(objectPath, SIGNED_URL_SECONDS);
  const res = await fetch(url, { signal });
  if (res.status === 404 || res.status === 400) return null;
  if (!res.ok || !res.body) throw new Error(`storage answered ${res.status} for ${objectPath}`);
  return Readable.fromWeb(res.body as import("node:stream/web").ReadableStream<Uint8Array>);
}
