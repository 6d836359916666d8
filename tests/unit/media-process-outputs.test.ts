import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { processOutputs } from "@/lib/media/process-outputs";
import { Semaphore } from "@/lib/media/semaphore";
import type { MediaSource } from "@/lib/media/types";
import {
  failure,
  files,
  listFiles,
  makeJpeg,
  makePng,
  makeWebp,
  mp4Header,
  type RecordingStorage,
  startServer,
  type TestServer,
  tempStorage,
  writeChunked,
} from "./media-helpers";

const USER = "3f1c6a52-7a59-4d1e-9a53-0d6e2b1f4c11";
const GEN = "9b2e4d7a-1c3f-4e5a-8b6d-2f0a1e3c5d77";
const ATTEMPT = "5e1d0c3b2a19";
const DIR = `users/${USER}/generations/${GEN}/${ATTEMPT}`;
const MB = 1024 * 1024;

const servers: TestServer[] = [];
const storages: RecordingStorage[] = [];
async function serve(...args: Parameters<typeof startServer>) {
  const server = await startServer(...args);
  servers.push(server);
  return server;
}
async function storage() {
  const created = await tempStorage();
  storages.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await Promise.all(storages.splice(0).map((created) => created.cleanup()));
});

function input(
  store: RecordingStorage,
  sources: MediaSource[],
  overrides: Partial<Parameters<typeof processOutputs>[0]> = {},
) {
  return {
    generationId: GEN,
    userId: USER,
    attempt: ATTEMPT,
    sources,
    kind: "image" as const,
    storage: store,
    allowedHosts: ["127.0.0.1"],
    limits: { imageMaxBytes: 5 * MB, videoMaxBytes: 40 * MB },
    semaphore: new Semaphore(2),
    ...overrides,
  };
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
/** A thumbnail's own facts: a WebP within 512 px whose hash names its bytes. */
const thumbFacts = (width: number, height: number) => ({
  sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
  bytes: expect.any(Number),
  width,
  height,
});

describe("processOutputs: images", () => {
  it("stores three images and their thumbnails, one file at a time", async () => {
    const png = await makePng(1200, 800);
    const jpeg = await makeJpeg(300, 900);
    const webp = await makeWebp(64, 64);
    const server = await serve(
      files({
        "/0.png": { body: png, type: "image/png", delayMs: 20 },
        "/1": { body: jpeg, type: "application/octet-stream", delayMs: 20 },
        "/2.webp": { body: webp, type: "image/webp", delayMs: 20 },
      }),
    );
    const store = await storage();
    const outputs = await processOutputs(
      input(store, [
        { url: `${server.origin}/0.png` },
        { url: `${server.origin}/1` },
        { url: `${server.origin}/2.webp` },
      ]),
    );

    expect(outputs).toEqual([
      {
        path: `${DIR}/0.png`,
        thumb_path: `${DIR}/0.thumb.webp`,
        mime: "image/png",
        width: 1200,
        height: 800,
        bytes: png.length,
        sha256: sha256(png),
        duration_seconds: null,
        thumb: thumbFacts(512, 341),
      },
      {
        path: `${DIR}/1.jpg`,
        thumb_path: `${DIR}/1.thumb.webp`,
        mime: "image/jpeg",
        width: 300,
        height: 900,
        bytes: jpeg.length,
        sha256: sha256(jpeg),
        duration_seconds: null,
        thumb: thumbFacts(171, 512),
      },
      {
        path: `${DIR}/2.webp`,
        thumb_path: `${DIR}/2.thumb.webp`,
        mime: "image/webp",
        width: 64,
        height: 64,
        bytes: webp.length,
        sha256: sha256(webp),
        duration_seconds: null,
        thumb: thumbFacts(64, 64),
      },
    ]);
    expect(await listFiles(store.root)).toEqual(
      outputs.flatMap((output) => [output.path, output.thumb_path as string]).sort(),
    );
    expect((await readFile(path.join(store.root, `${DIR}/1.jpg`))).equals(jpeg)).toBe(true);
    const thumb = await sharp(await readFile(path.join(store.root, `${DIR}/0.thumb.webp`))).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(["webp", 512, 341]);
    expect(server.maxActive).toBe(1); // never two downloads of one generation at once
    expect(store.calls.filter((call) => call.method === "putStream")).toEqual([]);
  });

  it("takes inline bytes (Gemini) through the same path, trusting the bytes over the declared type", async () => {
    const png = await makePng(700, 700);
    const store = await storage();
    const outputs = await processOutputs(input(store, [{ bytes: png, mimeType: "image/jpeg" }]));
    expect(outputs).toEqual([
      {
        path: `${DIR}/0.png`,
        thumb_path: `${DIR}/0.thumb.webp`,
        mime: "image/png",
        width: 700,
        height: 700,
        bytes: png.length,
        sha256: sha256(png),
        duration_seconds: null,
        thumb: thumbFacts(512, 512),
      },
    ]);
    expect(await listFiles(store.root)).toHaveLength(2);
  });

  it("keeps two attempts at one generation apart: removing one's files leaves the other's whole", async () => {
    const png = await makePng(64, 48);
    const store = await storage();
    const first = await processOutputs(input(store, [{ bytes: png }], { attempt: "aaaaaaaaaaaa" }));
    const second = await processOutputs(input(store, [{ bytes: png }], { attempt: "bbbbbbbbbbbb" }));
    expect(first[0]?.path).toBe(`users/${USER}/generations/${GEN}/aaaaaaaaaaaa/0.png`);
    await store.delete(first.flatMap((o) => [o.path, o.thumb_path ?? o.path]));
    expect(await listFiles(store.root)).toEqual([second[0]?.path, second[0]?.thumb_path].sort());
  });

  it("returns nothing for no sources", async () => {
    expect(await processOutputs(input(await storage(), []))).toEqual([]);
  });

  it("removes the first two files' objects when the third fails", async () => {
    const server = await serve(
      files({
        "/a.png": { body: await makePng(50, 50) },
        "/b.jpg": { body: await makeJpeg(50, 50) },
        "/c.png": { body: "<html>gone</html>", type: "image/png" },
      }),
    );
    const store = await storage();
    const error = await failure(
      processOutputs(
        input(
          store,
          ["a.png", "b.jpg", "c.png"].map((name) => ({ url: `${server.origin}/${name}` })),
        ),
      ),
    );
    expect(error.code).toBe("unsupported_type");
    expect(error.message).toBe("The file from 127.0.0.1 (declared as image/png) is not a supported image.");
    expect(server.hits).toEqual(["/a.png", "/b.jpg", "/c.png"]);
    expect(await listFiles(store.root)).toEqual([]);
    expect(store.calls.filter((call) => call.method === "delete").map((call) => call.path)).toEqual([
      `${DIR}/0.png`,
      `${DIR}/0.thumb.webp`,
      `${DIR}/1.jpg`,
      `${DIR}/1.thumb.webp`,
    ]);
  });

  it("cleans up when an image with a valid signature cannot be decoded", async () => {
    const png = await makePng(400, 400);
    const store = await storage();
    const error = await failure(
      processOutputs(
        input(store, [{ bytes: await makePng(10, 10) }, { bytes: png.subarray(0, png.length / 2) }]),
      ),
    );
    expect(error.code).toBe("processing_failed");
    expect(error.message).toBe("The image is damaged or incomplete and could not be processed.");
    expect(await listFiles(store.root)).toEqual([]);
  });

  it("stops at a host that is not allow-listed, after removing what it stored", async () => {
    const server = await serve(files({ "/a.png": { body: await makePng(10, 10) } }));
    const store = await storage();
    const error = await failure(
      processOutputs(
        input(store, [{ url: `${server.origin}/a.png` }, { url: `http://localhost:${server.port}/b.png` }]),
      ),
    );
    expect(error.code).toBe("host_not_allowed");
    expect(server.hits).toEqual(["/a.png"]);
    expect(await listFiles(store.root)).toEqual([]);
  });

  it("aborts an image past the cap and leaves nothing behind", async () => {
    const png = await makePng(10, 10);
    const server = await serve(async (req, res) => {
      if (req.url === "/ok.png") res.end(png);
      else await writeChunked(res, png, 20 * MB, 64 * 1024);
    });
    const store = await storage();
    const error = await failure(
      processOutputs(
        input(store, [{ url: `${server.origin}/ok.png` }, { url: `${server.origin}/huge.png` }]),
      ),
    );
    expect(error.code).toBe("too_large");
    expect(error.message).toBe("The media file from 127.0.0.1 is larger than the 5 MB limit.");
    expect(await listFiles(store.root)).toEqual([]);
  });

  it("refuses inline bytes above the cap or of the wrong kind", async () => {
    const store = await storage();
    const big = Buffer.concat([await makePng(4, 4), Buffer.alloc(6 * MB)]);
    expect((await failure(processOutputs(input(store, [{ bytes: big }])))).code).toBe("too_large");
    const wrongKind = await failure(processOutputs(input(store, [{ bytes: mp4Header() }])));
    expect(wrongKind.code).toBe("unsupported_type");
    expect(wrongKind.message).toBe("The provider returned a file (video/mp4) that is not a supported image.");
    expect(await listFiles(store.root)).toEqual([]);
  });
});

describe("processOutputs: the semaphore", () => {
  it("encodes at most 2 files at once and keeps at most 4 in flight across concurrent generations", async () => {
    const semaphore = new Semaphore(2);
    let mostEncoding = 0;
    const sampler = setInterval(() => {
      mostEncoding = Math.max(mostEncoding, semaphore.active);
    }, 1);
    const png = await makePng(600, 400);
    const server = await serve(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 25));
      res.end(png);
    });
    const store = await storage();
    const generation = (id: string) =>
      processOutputs({
        ...input(
          store,
          [0, 1, 2].map((n) => ({ url: `${server.origin}/${id}/${n}.png` })),
        ),
        generationId: id,
        semaphore,
      });
    const ids = ["gen-a", "gen-b", "gen-c", "gen-d", "gen-e", "gen-f"];
    const results = await Promise.all(ids.map(generation)).finally(() => clearInterval(sampler));

    expect(results.flat()).toHaveLength(18);
    // Downloads of different generations overlap, bounded at twice the encoding permits...
    expect(server.maxActive).toBeGreaterThan(1);
    expect(server.maxActive).toBeLessThanOrEqual(4);
    // ...and encoding never goes beyond the limit.
    expect(mostEncoding).toBeLessThanOrEqual(2);
    expect(semaphore.active).toBe(0);
    expect(semaphore.waiting).toBe(0);
    // Within each generation the files were fetched one after another, in order.
    for (const id of ids) {
      expect(server.hits.filter((hit) => hit.startsWith(`/${id}/`))).toEqual(
        [0, 1, 2].map((n) => `/${id}/${n}.png`),
      );
    }
  });
});

describe("processOutputs: video", () => {
  it("streams a 30 MB video into storage without buffering it", async () => {
    const total = 30 * MB;
    let sent = 0;
    let sentWhenStorageStarted = -1;
    let mostInFlight = 0; // sent by the server, not yet handed to storage
    const store = await storage();
    const server = await serve((_req, res) =>
      writeChunked(res, mp4Header(), total, 256 * 1024, (bytes) => {
        sent = bytes;
        mostInFlight = Math.max(mostInFlight, sent - store.streamedBytes);
      }),
    );
    store.onFirstStreamChunk = () => {
      sentWhenStorageStarted = sent;
    };
    const outputs = await processOutputs(
      input(store, [{ url: `${server.origin}/clip.mp4` }], { kind: "video" }),
    );

    expect(outputs).toEqual([
      {
        path: `${DIR}/0.mp4`,
        thumb_path: null,
        mime: "video/mp4",
        width: null,
        height: null,
        bytes: total,
        // Hashed in passing: the same digest as the bytes stored.
        sha256: sha256(await readFile(path.join(store.root, DIR, "0.mp4"))),
        duration_seconds: null, // a bare header with no movie box
        thumb: null,
      },
    ]);
    expect(store.calls).toEqual([{ method: "putStream", path: `${DIR}/0.mp4`, streamed: true }]);
    // Storage got its first bytes while most of the body was still on the server's side.
    expect(sentWhenStorageStarted).toBeGreaterThan(0);
    expect(sentWhenStorageStarted).toBeLessThan(10 * MB);
    // At no point was more than socket and stream buffers' worth (~5 MB here) of the body in between.
    expect(mostInFlight).toBeLessThan(10 * MB);
    const file = await readFile(path.join(store.root, `${DIR}/0.mp4`));
    expect(file.length).toBe(total);
    expect(file.subarray(0, 8).toString("latin1", 4)).toBe("ftyp");
  });

  it("aborts a chunked video past the cap with no file left in storage", async () => {
    const server = await serve((_req, res) => writeChunked(res, mp4Header(), 60 * MB, 256 * 1024));
    const store = await storage();
    const error = await failure(
      processOutputs(
        input(store, [{ url: `${server.origin}/clip.mp4` }], {
          kind: "video",
          limits: { imageMaxBytes: MB, videoMaxBytes: 3 * MB },
        }),
      ),
    );
    expect(error.code).toBe("too_large");
    expect(error.message).toBe("The media file from 127.0.0.1 is larger than the 3 MB limit.");
    expect(await listFiles(store.root)).toEqual([]); // hidden temp files included
  });

  it("refuses a video whose Content-Length is above the cap before streaming", async () => {
    const body = Buffer.concat([mp4Header(), Buffer.alloc(2 * MB)]);
    const server = await serve(files({ "/clip.mp4": { body, type: "video/mp4" } }));
    const store = await storage();
    const error = await failure(
      processOutputs(
        input(store, [{ url: `${server.origin}/clip.mp4` }], {
          kind: "video",
          limits: { imageMaxBytes: MB, videoMaxBytes: MB },
        }),
      ),
    );
    expect(error.code).toBe("too_large");
    expect(store.calls).toEqual([]);
  });

  it("refuses an image where a video is expected", async () => {
    const server = await serve(files({ "/clip.mp4": { body: await makePng(8, 8), type: "video/mp4" } }));
    const store = await storage();
    const error = await failure(
      processOutputs(input(store, [{ url: `${server.origin}/clip.mp4` }], { kind: "video" })),
    );
    expect(error.code).toBe("unsupported_type");
    expect(error.message).toBe("The file from 127.0.0.1 (image/png) is not a supported video.");
  });
});
