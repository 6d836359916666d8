import "server-only";
// The embedded-default storage adapter: objects are files under one root directory
// (`.data/storage`), served by /api/files with HMAC-signed expiring URLs.
// Writes go to a hidden temp file in the target directory and are renamed into place, so a
// reader never sees half an object; temp files a crash leaves behind are swept later
// (lib/storage/temp-files.ts). Every component under the root is lstat'ed on the way
// down and a symlink anywhere is refused, so nothing outside the root can be reached.
// The `turbopackIgnore` comments keep Next's file tracing from bundling the whole project
// because of paths only known at runtime.
import { randomUUID } from "node:crypto";
import { constants, createWriteStream, type Stats } from "node:fs";
import { type FileHandle, lstat, mkdir, open, realpath, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  assertContentTypeMatches,
  assertObjectPath,
  contentTypeFor,
  InvalidObjectPathError,
  StorageLimitError,
} from "@/lib/storage/paths";
import { signFileUrl } from "@/lib/storage/signed-url";
import { TEMP_PREFIX } from "@/lib/storage/temp-files";
import type { PutOptions, StoragePort, StoredObject } from "@/lib/storage/types";

export type LocalStorageOptions = {
  root: string;
  /** HMAC secret for signed URLs; a function so it is read at first use, not at construction. */
  secret: string | (() => string);
  /** Origin for absolute signed URLs (APP_URL); relative URLs when unset. */
  baseUrl?: string;
};

/** An object opened for reading: the caller owns `handle` and must close it (a read stream does). */
export type OpenedObject = { handle: FileHandle; size: number; mtime: Date; contentType: string };

export type LocalStorage = StoragePort & {
  readonly root: string;
  /** Opens a regular file for reading, or null when it is missing or reached through a symlink. */
  openRead(objectPath: string): Promise<OpenedObject | null>;
};

export function createLocalStorage(options: LocalStorageOptions): LocalStorage {
  const root = path.resolve(options.root);
  const secret = () => (typeof options.secret === "function" ? options.secret() : options.secret);

  async function realRoot(create: boolean): Promise<string | null> {
    if (create) await mkdir(root, { recursive: true });
    try {
      return await realpath(root);
    } catch (error) {
      if (isCode(error, "ENOENT")) return null;
      throw error;
    }
  }

  /**
   * Walks the directories of an object path under the root without following symlinks.
   * Returns the absolute file path, or null when a directory is missing and `create` is false.
   */
  async function resolve(objectPath: string, create: boolean): Promise<string | null> {
    const segments = assertObjectPath(objectPath).split("/");
    let current = await realRoot(create);
    if (!current) return null;
    for (const segment of segments.slice(0, -1)) {
      current = path.join(/*turbopackIgnore: true*/ current, segment);
      const stats = await lstatOrNull(current);
      if (!stats) {
        if (!create) return null;
        await mkdir(current).catch((error) => {
          if (!isCode(error, "EEXIST")) throw error;
        });
        const made = await lstat(current);
        if (!made.isDirectory()) throw new InvalidObjectPathError(`${objectPath}: not a directory.`);
      } else if (!stats.isDirectory()) {
        // Symlinks land here too: lstat never reports a link as a directory.
        if (!create) return null;
        throw new InvalidObjectPathError(`${objectPath}: a parent is not a plain directory.`);
      }
    }
    return path.join(/*turbopackIgnore: true*/ current, segments[segments.length - 1] as string);
  }

  async function commit(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
    const tmp = path.join(path.dirname(file), `${TEMP_PREFIX}${randomUUID()}`);
    try {
      await write(tmp);
      await rename(tmp, file);
    } catch (error) {
      await unlink(tmp).catch(() => {});
      throw error;
    }
  }

  return {
    root,

    async putBuffer(objectPath: string, data: Buffer, options: PutOptions): Promise<StoredObject> {
      assertContentTypeMatches(assertObjectPath(objectPath), options.contentType);
      const file = (await resolve(objectPath, true)) as string;
      await commit(file, async (tmp) => {
        const handle = await open(tmp, "wx", 0o644);
        try {
          await handle.writeFile(data);
          await handle.sync();
        } finally {
          await handle.close();
        }
      });
      return { path: objectPath, bytes: data.byteLength, contentType: options.contentType };
    },

    async putStream(
      objectPath: string,
      data: Readable,
      options: PutOptions & { maxBytes?: number },
    ): Promise<StoredObject> {
      let file: string;
      try {
        assertContentTypeMatches(assertObjectPath(objectPath), options.contentType);
        file = (await resolve(objectPath, true)) as string;
      } catch (error) {
        data.destroy();
        throw error;
      }
      const counter = byteCounter(options.maxBytes);
      await commit(file, (tmp) =>
        pipeline(data, counter.stream, createWriteStream(tmp, { flags: "wx", mode: 0o644, flush: true })),
      );
      return { path: objectPath, bytes: counter.bytes(), contentType: options.contentType };
    },

    async signedUrl(objectPath: string, expiresInSeconds: number): Promise<string> {
      assertObjectPath(objectPath);
      if (!Number.isFinite(expiresInSeconds) || expiresInSeconds <= 0)
        throw new Error("expiresInSeconds must be a positive number.");
      const expiresAt = Math.floor(Date.now() / 1000) + Math.ceil(expiresInSeconds);
      return signFileUrl({ secret: secret(), objectPath, expiresAt, baseUrl: options.baseUrl });
    },

    async delete(objectPaths: string[]): Promise<void> {
      for (const objectPath of objectPaths) assertObjectPath(objectPath);
      for (const objectPath of objectPaths) {
        const file = await resolve(objectPath, false);
        if (!file) continue;
        await unlink(file).catch((error) => {
          if (!isCode(error, "ENOENT")) throw error;
        });
      }
    },

    async exists(objectPath: string): Promise<boolean> {
      const file = await resolve(objectPath, false);
      if (!file) return false;
      return (await lstatOrNull(file))?.isFile() ?? false;
    },

    async openRead(objectPath: string): Promise<OpenedObject | null> {
      const file = await resolve(objectPath, false);
      if (!file) return null;
      const before = await lstatOrNull(file);
      if (!before?.isFile()) return null;
      let handle: FileHandle;
      try {
        // O_NOFOLLOW: if the file was swapped for a link since the lstat, open fails (ELOOP).
        handle = await open(/*turbopackIgnore: true*/ file, constants.O_RDONLY | constants.O_NOFOLLOW);
      } catch (error) {
        if (isCode(error, "ENOENT") || isCode(error, "ELOOP")) return null;
        throw error;
      }
      const stats = await handle.stat();
      if (!stats.isFile() || stats.ino !== before.ino || stats.dev !== before.dev) {
        await handle.close();
        return null;
      }
      return { handle, size: stats.size, mtime: stats.mtime, contentType: contentTypeFor(objectPath) };
    },
  };
}

/** A pass-through that counts bytes and fails with StorageLimitError past `maxBytes`. */
export function byteCounter(maxBytes: number | undefined): { stream: Transform; bytes: () => number } {
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
      if (maxBytes !== undefined && bytes > maxBytes) callback(new StorageLimitError(maxBytes));
      else callback(null, chunk);
    },
  });
  return { stream, bytes: () => bytes };
}

export type ByteRange = { start: number; end: number };

/**
 * One `Range: bytes=…` header against a size: a range to send (end inclusive), "unsatisfiable"
 * (answer 416), or null to ignore the header and send everything (absent, malformed, other
 * units, or several ranges — RFC 9110 lets a server ignore those).
 */
export function parseByteRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Number(last);
  if (last !== "" && end < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end: Math.min(end, size - 1) };
}

async function lstatOrNull(file: string): Promise<Stats | null> {
  try {
    return await lstat(file);
  } catch (error) {
    if (isCode(error, "ENOENT") || isCode(error, "ENOTDIR")) return null;
    throw error;
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}
