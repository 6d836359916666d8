// The storage port: where originals, thumbnails and uploads live. Two adapters implement it,
// the local filesystem (.data/storage, signed URLs served by /api/files) and Supabase Storage.
import type { Readable } from "node:stream";

export type PutOptions = { contentType: string; cacheControl?: string };

export type StoredObject = { path: string; bytes: number; contentType: string };

export interface StoragePort {
  /** Writes a whole buffer. Object paths are relative, `/`-separated, with no `..` segments. */
  putBuffer(objectPath: string, data: Buffer, options: PutOptions): Promise<StoredObject>;
  /** Streams to storage without holding the whole body in memory. `maxBytes` aborts and removes a partial object. */
  putStream(
    objectPath: string,
    data: Readable,
    options: PutOptions & { maxBytes?: number },
  ): Promise<StoredObject>;
  /** A URL anyone holding it may GET until it expires. */
  signedUrl(objectPath: string, expiresInSeconds: number): Promise<string>;
  delete(objectPaths: string[]): Promise<void>;
  exists(objectPath: string): Promise<boolean>;
}
