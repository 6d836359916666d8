import "server-only";
// Supabase Storage adapter for a private bucket. The client is injected (the service-role
// client in production, a client pointed at a local stand-in in tests).
//
// Uploads use the standard upload endpoint (one POST). putStream streams the body through a
// byte counter (`duplex: "half"`), so memory stays flat; past `maxBytes` the request is aborted
// and Storage never commits the object. So, unlike local storage, nothing here ever leaves a
// partial or temp object behind to sweep. Standard uploads are fine up to the project's file size
// limit (50 MB on Free) but have no resume: a dropped connection restarts the upload. TUS
// (resumable, 6 MB chunks) would be the next step for very large videos.
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { SupabaseClient } from "@supabase/supabase-js";
import { byteCounter } from "@/lib/storage/local";
import { assertContentTypeMatches, assertObjectPath, StorageLimitError } from "@/lib/storage/paths";
import type { PutOptions, StoragePort, StoredObject } from "@/lib/storage/types";

const REMOVE_BATCH = 1000;
// Storage signs at most 1000 paths per request.
const SIGN_BATCH = 1000;

type StorageFailure = { message: string; status?: number; statusCode?: string; code?: string };

export function createSupabaseStorage(client: SupabaseClient, bucket: string): StoragePort {
  const files = () => client.storage.from(bucket);
  const signer = batchedSigner(files);

  return {
    async putBuffer(objectPath: string, data: Buffer, options: PutOptions): Promise<StoredObject> {
      assertContentTypeMatches(assertObjectPath(objectPath), options.contentType);
      const { error } = await files().upload(objectPath, data, uploadOptions(options));
      if (error) throw failure("upload", objectPath, error);
      return { path: objectPath, bytes: data.byteLength, contentType: options.contentType };
    },

    async putStream(
      objectPath: string,
      data: Readable,
      options: PutOptions & { maxBytes?: number },
    ): Promise<StoredObject> {
      try {
        assertContentTypeMatches(assertObjectPath(objectPath), options.contentType);
      } catch (error) {
        data.destroy();
        throw error;
      }
      const counter = byteCounter(options.maxBytes);
      const piping = pipeline(data, counter.stream).then(
        () => null,
        (error: unknown) => error,
      );
      const { error } = await files().upload(objectPath, counter.stream, {
        ...uploadOptions(options),
        duplex: "half",
      });
      // Storage may answer before reading the whole body (e.g. a duplicate): stop the source.
      if (!counter.stream.readableEnded) counter.stream.destroy();
      const pipeError = await piping;
      if (pipeError instanceof StorageLimitError) throw pipeError;
      if (error) throw failure("upload", objectPath, error);
      if (pipeError) throw pipeError;
      return { path: objectPath, bytes: counter.bytes(), contentType: options.contentType };
    },

    async signedUrl(objectPath: string, expiresInSeconds: number): Promise<string> {
      assertObjectPath(objectPath);
      if (!Number.isFinite(expiresInSeconds) || expiresInSeconds <= 0)
        throw new Error("expiresInSeconds must be a positive number.");
      return signer.sign(objectPath, Math.ceil(expiresInSeconds));
    },

    async delete(objectPaths: string[]): Promise<void> {
      for (const objectPath of objectPaths) assertObjectPath(objectPath);
      for (let i = 0; i < objectPaths.length; i += REMOVE_BATCH) {
        const batch = objectPaths.slice(i, i + REMOVE_BATCH);
        // Removing a missing object is not an error: Storage just leaves it out of the answer.
        const { error } = await files().remove(batch);
        if (error) throw failure("delete", batch.join(", "), error);
      }
    },

    async exists(objectPath: string): Promise<boolean> {
      assertObjectPath(objectPath);
      const { error } = await files().info(objectPath);
      if (!error) return true;
      if (isNotFound(error)) return false;
      throw failure("info", objectPath, error);
    },
  };
}

type PendingUrl = { resolve: (url: string) => void; reject: (error: Error) => void };

/**
 * A page of generations signs every original and thumbnail at once, each through signedUrl().
 * Calls made in the same turn of the event loop with the same lifetime go out as one
 * createSignedUrls request (up to SIGN_BATCH paths) instead of one request per file.
 */
function batchedSigner(files: () => ReturnType<SupabaseClient["storage"]["from"]>) {
  const queued = new Map<number, Map<string, PendingUrl[]>>();

  async function flush(expiresIn: number, batch: Map<string, PendingUrl[]>): Promise<void> {
    const paths = [...batch.keys()];
    for (let i = 0; i < paths.length; i += SIGN_BATCH) {
      const chunk = paths.slice(i, i + SIGN_BATCH);
      const { data, error } = await files().createSignedUrls(chunk, expiresIn);
      const byPath = new Map((data ?? []).map((item) => [item.path, item]));
      for (const objectPath of chunk) {
        const item = byPath.get(objectPath);
        const signed = item?.signedUrl;
        for (const pending of batch.get(objectPath) ?? []) {
          if (signed) pending.resolve(signed);
          else pending.reject(failure("sign", objectPath, error ?? { message: item?.error ?? "not signed" }));
        }
      }
    }
  }

  return {
    sign(objectPath: string, expiresIn: number): Promise<string> {
      return new Promise((resolve, reject) => {
        let batch = queued.get(expiresIn);
        if (!batch) {
          const fresh = new Map<string, PendingUrl[]>();
          queued.set(expiresIn, fresh);
          batch = fresh;
          setImmediate(() => {
            queued.delete(expiresIn);
            flush(expiresIn, fresh).catch((cause: unknown) => {
              const error = cause instanceof Error ? cause : new Error(String(cause));
              for (const waiting of fresh.values()) for (const pending of waiting) pending.reject(error);
            });
          });
        }
        const waiting = batch.get(objectPath) ?? [];
        waiting.push({ resolve, reject });
        batch.set(objectPath, waiting);
      });
    },
  };
}

function uploadOptions(options: PutOptions) {
  return { contentType: options.contentType, cacheControl: maxAge(options.cacheControl), upsert: false };
}

/** Storage takes Cache-Control as seconds ("3600"); accept that or a header value with max-age. */
function maxAge(cacheControl: string | undefined): string | undefined {
  if (!cacheControl) return undefined;
  if (/^\d+$/.test(cacheControl.trim())) return cacheControl.trim();
  return /max-age=(\d+)/i.exec(cacheControl)?.[1];
}

// Storage answers a missing object with HTTP 404, or (older servers) HTTP 400 and statusCode "404".
function isNotFound(error: StorageFailure): boolean {
  return (
    error.status === 404 ||
    error.statusCode === "404" ||
    error.code === "NoSuchKey" ||
    error.code === "not_found"
  );
}

function failure(operation: string, objectPath: string, error: StorageFailure): Error {
  const status = error.status ?? error.statusCode;
  return new Error(
    `Supabase Storage ${operation} failed for ${objectPath}${status ? ` (${status})` : ""}: ${error.message}`,
    { cause: error },
  );
}
