// Shared fixtures for the media tests: real HTTP servers on 127.0.0.1, real images made by
// sharp, and the real local storage adapter over a temp dir, wrapped to record how it was called.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline, Readable, Transform } from "node:stream";
import sharp from "sharp";
import { expect } from "vitest";
import { MediaError } from "@/lib/media/types";
import { createLocalStorage } from "@/lib/storage/local";
import type { StoragePort } from "@/lib/storage/types";

export type TestServer = {
  origin: string;
  port: number;
  /** Paths requested, in order. */
  hits: string[];
  /** Headers of each request, in order. */
  headers: IncomingMessage["headers"][];
  /** Requests whose response has not closed yet, and the most there ever were at once. */
  active: number;
  maxActive: number;
  close: () => Promise<void>;
};

type Handler = (req: IncomingMessage, res: ServerResponse, server: TestServer) => void | Promise<void>;

/** `host` may be another loopback address (127.0.0.2) where a test needs two distinct ones. */
export async function startServer(handler: Handler, host = "127.0.0.1", port = 0): Promise<TestServer> {
  const httpServer = createServer();
  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const bound = (httpServer.address() as AddressInfo).port;
  const state: TestServer = {
    origin: `http://${host}:${bound}`,
    port: bound,
    hits: [],
    headers: [],
    active: 0,
    maxActive: 0,
    close: () =>
      new Promise<void>((resolve) => {
        httpServer.closeAllConnections();
        httpServer.close(() => resolve());
      }),
  };
  httpServer.on("request", (req, res) => {
    state.hits.push(req.url ?? "");
    state.headers.push(req.headers);
    state.active++;
    state.maxActive = Math.max(state.maxActive, state.active);
    res.once("close", () => state.active--);
    Promise.resolve(handler(req, res, state)).catch((error) => {
      res.destroy(error as Error);
    });
  });
  return state;
}

/** A handler serving fixed bodies by path; anything else is 404. */
export function files(
  table: Record<string, { body: Buffer | string; type?: string; delayMs?: number }>,
): Handler {
  return async (req, res) => {
    const entry = table[req.url ?? ""];
    if (!entry) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (entry.delayMs) await sleep(entry.delayMs);
    const body = typeof entry.body === "string" ? Buffer.from(entry.body) : entry.body;
    res.writeHead(200, {
      "content-type": entry.type ?? "application/octet-stream",
      "content-length": body.length,
    });
    res.end(body);
  };
}

/** Writes `total` bytes in `chunkSize` chunks without Content-Length (chunked), honouring backpressure. */
export async function writeChunked(
  res: ServerResponse,
  head: Buffer,
  total: number,
  chunkSize: number,
  onProgress?: (sent: number) => void,
): Promise<void> {
  res.writeHead(200, { "content-type": "application/octet-stream" });
  let sent = 0;
  const filler = Buffer.alloc(chunkSize, 7);
  while (sent < total && !res.destroyed) {
    const chunk = sent === 0 ? Buffer.concat([head, filler]).subarray(0, chunkSize) : filler;
    const slice = chunk.subarray(0, Math.min(chunk.length, total - sent));
    sent += slice.length;
    onProgress?.(sent);
    if (!res.write(slice)) await drainOrClose(res);
  }
  res.end();
}

function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done).off("close", done);
      resolve();
    };
    res.on("drain", done).on("close", done);
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type StorageCall = { method: "putBuffer" | "putStream" | "delete"; path: string; streamed: boolean };

export type RecordingStorage = StoragePort & {
  root: string;
  calls: StorageCall[];
  /** Called with the object path when the first chunk of a putStream body arrives. */
  onFirstStreamChunk?: (objectPath: string) => void;
  /** Bytes that have reached the adapter through putStream so far. */
  streamedBytes: number;
  cleanup: () => Promise<void>;
};

/** The real local adapter over a fresh temp dir, recording each call. */
export async function tempStorage(): Promise<RecordingStorage> {
  const root = await mkdtemp(path.join(tmpdir(), "atelier-media-"));
  const inner = createLocalStorage({ root, secret: "media-test-secret-media-test-secret!" });
  const storage: RecordingStorage = {
    root,
    calls: [],
    streamedBytes: 0,
    putBuffer(objectPath, data, options) {
      storage.calls.push({ method: "putBuffer", path: objectPath, streamed: false });
      return inner.putBuffer(objectPath, data, options);
    },
    putStream(objectPath, data, options) {
      storage.calls.push({ method: "putStream", path: objectPath, streamed: data instanceof Readable });
      let first = true;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          storage.streamedBytes += chunk.length;
          if (first) {
            first = false;
            storage.onFirstStreamChunk?.(objectPath);
          }
          callback(null, chunk);
        },
      });
      pipeline(data, tap, () => {});
      return inner.putStream(objectPath, tap, options);
    },
    delete(objectPaths) {
      for (const objectPath of objectPaths)
        storage.calls.push({ method: "delete", path: objectPath, streamed: false });
      return inner.delete(objectPaths);
    },
    signedUrl: (objectPath, expiresInSeconds) => inner.signedUrl(objectPath, expiresInSeconds),
    exists: (objectPath) => inner.exists(objectPath),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
  return storage;
}

/** Every regular file under `root` (hidden temp files included), as relative paths. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

export function solid(width: number, height: number, color = { r: 200, g: 80, b: 40 }) {
  return sharp({ create: { width, height, channels: 3, background: color } });
}

export const makePng = (width: number, height: number) => solid(width, height).png().toBuffer();
export const makeJpeg = (width: number, height: number) => solid(width, height).jpeg().toBuffer();
export const makeWebp = (width: number, height: number) => solid(width, height).webp().toBuffer();

/** The start of an MP4 file: an `ftyp` box (isom) followed by an empty `mdat`. */
export function mp4Header(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write("ftypisom", 4, "latin1");
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write("isomiso2", 16, "latin1");
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(8, 0);
  mdat.write("mdat", 4, "latin1");
  return Buffer.concat([ftyp, mdat]);
}

/** The MediaError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<MediaError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MediaError);
  return error as MediaError;
}
