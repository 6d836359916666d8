// The Supabase adapter against a small stand-in for the Storage REST endpoints it calls,
// through the real supabase-js client.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { createClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InvalidObjectPathError, StorageLimitError } from "@/lib/storage/paths";
import { createSupabaseStorage } from "@/lib/storage/supabase";
import type { StoragePort } from "@/lib/storage/types";

const KEY = "sb_secret_standin_key";
const BUCKET = "media";

type StoredBlob = { body: Buffer; contentType: string; cacheControl: string };
type Seen = { method: string; url: string; headers: IncomingMessage["headers"] };

const objects = new Map<string, StoredBlob>();
const seen: Seen[] = [];
let abortedUploads = 0;
let notFoundStyle: "404" | "400" = "404";
let failInfo = false;
let server: Server;
let files: StoragePort;

function json(res: import("node:http").ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of req) chunks.push(chunk as Buffer);
  } catch {
    return null;
  }
  return req.complete ? Buffer.concat(chunks) : null;
}

function notFound(res: import("node:http").ServerResponse) {
  // Newer servers answer 404; older ones answer 400 with statusCode "404" in the body.
  if (notFoundStyle === "404")
    json(res, 404, { statusCode: "404", code: "NoSuchKey", error: "not_found", message: "Object not found" });
  else json(res, 400, { statusCode: "404", error: "not_found", message: "Object not found" });
}

async function handle(req: IncomingMessage, res: import("node:http").ServerResponse) {
  const url = new URL(req.url ?? "/", "http://stand.in");
  seen.push({ method: req.method ?? "", url: url.pathname, headers: req.headers });
  if (req.headers.apikey !== KEY) return json(res, 401, { statusCode: "401", message: "no key" });
  const prefix = `/storage/v1/object/`;
  if (!url.pathname.startsWith(prefix)) return json(res, 404, { message: "unknown route" });
  const rest = decodeURIComponent(url.pathname.slice(prefix.length));

  if (req.method === "POST" && rest === `sign/${BUCKET}`) {
    // Batch signing: one answer per path, an error in place of the URL for a missing object.
    const { expiresIn, paths } = JSON.parse((await readBody(req))?.toString() || "{}") as {
      expiresIn: number;
      paths: string[];
    };
    return json(
      res,
      200,
      paths.map((objectPath) =>
        objects.has(objectPath)
          ? {
              error: null,
              path: objectPath,
              signedURL: `/object/sign/${BUCKET}/${objectPath}?token=tok-${expiresIn}`,
            }
          : {
              error: "Either the object does not exist or you do not have access to it",
              path: objectPath,
              signedURL: null,
            },
      ),
    );
  }
  if (req.method === "POST" && rest.startsWith(`sign/${BUCKET}/`)) {
    const objectPath = rest.slice(`sign/${BUCKET}/`.length);
    const { expiresIn } = JSON.parse((await readBody(req))?.toString() || "{}") as { expiresIn: number };
    if (!objects.has(objectPath)) return notFound(res);
    return json(res, 200, { signedURL: `/object/sign/${BUCKET}/${objectPath}?token=tok-${expiresIn}` });
  }
  if (req.method === "GET" && rest.startsWith(`info/${BUCKET}/`)) {
    if (failInfo) return json(res, 500, { statusCode: "500", error: "internal", message: "boom" });
    const blob = objects.get(rest.slice(`info/${BUCKET}/`.length));
    if (!blob) return notFound(res);
    return json(res, 200, { name: rest, size: blob.body.length, content_type: blob.contentType });
  }
  if (req.method === "DELETE" && rest === BUCKET) {
    const { prefixes } = JSON.parse((await readBody(req))?.toString() || "{}") as { prefixes: string[] };
    const removed = prefixes.filter((p) => objects.delete(p)).map((name) => ({ name, bucket_id: BUCKET }));
    return json(res, 200, removed);
  }
  if (req.method === "POST" && rest.startsWith(`${BUCKET}/`)) {
    const objectPath = rest.slice(`${BUCKET}/`.length);
    if (objects.has(objectPath) && req.headers["x-upsert"] !== "true") {
      req.resume();
      return json(res, 400, {
        statusCode: "409",
        error: "Duplicate",
        message: "The resource already exists",
      });
    }
    const body = await readBody(req);
    if (!body) {
      abortedUploads++;
      return;
    }
    objects.set(objectPath, {
      body,
      contentType: String(req.headers["content-type"]),
      cacheControl: String(req.headers["cache-control"]),
    });
    return json(res, 200, { Key: `${BUCKET}/${objectPath}`, Id: "id-1" });
  }
  json(res, 404, { message: "unknown route" });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    handle(req, res).catch((error) => json(res, 500, { message: String(error) }));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const client = createClient(`http://127.0.0.1:${port}`, KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  files = createSupabaseStorage(client, BUCKET);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  objects.clear();
  seen.length = 0;
  abortedUploads = 0;
  notFoundStyle = "404";
  failInfo = false;
});

function chunks(count: number, size: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      this.push(sent++ < count ? Buffer.alloc(size, sent % 256) : null);
    },
  });
}

describe("Supabase storage adapter", () => {
  it("uploads a buffer with its content type, no upsert, and the service key", async () => {
    const stored = await files.putBuffer("u1/g1/0.png", Buffer.from("png!"), {
      contentType: "image/png",
      cacheControl: "public, max-age=31536000, immutable",
    });
    expect(stored).toEqual({ path: "u1/g1/0.png", bytes: 4, contentType: "image/png" });
    expect(objects.get("u1/g1/0.png")).toEqual({
      body: Buffer.from("png!"),
      contentType: "image/png",
      cacheControl: "max-age=31536000",
    });
    const upload = seen.find((s) => s.method === "POST");
    expect(upload?.url).toBe("/storage/v1/object/media/u1/g1/0.png");
    expect(upload?.headers["x-upsert"]).toBe("false");
  });

  it("refuses to overwrite an existing object", async () => {
    await files.putBuffer("u/a.png", Buffer.from("1"), { contentType: "image/png" });
    await expect(files.putBuffer("u/a.png", Buffer.from("2"), { contentType: "image/png" })).rejects.toThrow(
      /already exists/,
    );
    expect(objects.get("u/a.png")?.body.toString()).toBe("1");
  });

  it("streams a body without a Content-Length and counts it", async () => {
    const stored = await files.putStream("v/clip.mp4", chunks(48, 64 * 1024), {
      contentType: "video/mp4",
      maxBytes: 10 * 1024 * 1024,
    });
    expect(stored).toEqual({ path: "v/clip.mp4", bytes: 48 * 64 * 1024, contentType: "video/mp4" });
    expect(objects.get("v/clip.mp4")?.body.length).toBe(48 * 64 * 1024);
    const upload = seen.find((s) => s.method === "POST");
    expect(upload?.headers["transfer-encoding"]).toBe("chunked");
    expect(upload?.headers["content-length"]).toBeUndefined();
  });

  it("aborts the upload past maxBytes so nothing is stored", async () => {
    const source = chunks(1000, 64 * 1024);
    await expect(
      files.putStream("v/huge.mp4", source, { contentType: "video/mp4", maxBytes: 1024 * 1024 }),
    ).rejects.toBeInstanceOf(StorageLimitError);
    expect(source.destroyed).toBe(true);
    await expect.poll(() => abortedUploads).toBe(1);
    expect(objects.has("v/huge.mp4")).toBe(false);
  });

  it("stops reading the source when Storage refuses a streamed upload", async () => {
    await files.putBuffer("v/dup.mp4", Buffer.from("1"), { contentType: "video/mp4" });
    const source = chunks(1000, 64 * 1024);
    await expect(files.putStream("v/dup.mp4", source, { contentType: "video/mp4" })).rejects.toThrow(
      /already exists/,
    );
    expect(source.destroyed).toBe(true);
  });

  it("creates signed URLs through the sign endpoint", async () => {
    await files.putBuffer("u/a.png", Buffer.from("1"), { contentType: "image/png" });
    const url = await files.signedUrl("u/a.png", 90.5);
    expect(url).toBe(`${new URL(url).origin}/storage/v1/object/sign/media/u/a.png?token=tok-91`);
    await expect(files.signedUrl("u/missing.png", 60)).rejects.toThrow(/does not exist/i);
  });

  it("signs the files of a page in one request, each path getting its own URL or error", async () => {
    for (const name of ["p/1.png", "p/2.png", "p/3.png"])
      await files.putBuffer(name, Buffer.from(name), { contentType: "image/png" });
    seen.length = 0;
    const results = await Promise.allSettled(
      ["p/1.png", "p/2.png", "p/3.png", "p/missing.png", "p/1.png"].map((name) =>
        files.signedUrl(name, 3600),
      ),
    );
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(["POST /storage/v1/object/sign/media"]);
    const urls = results.map((r) => (r.status === "fulfilled" ? new URL(r.value).pathname : "rejected"));
    expect(urls).toEqual([
      "/storage/v1/object/sign/media/p/1.png",
      "/storage/v1/object/sign/media/p/2.png",
      "/storage/v1/object/sign/media/p/3.png",
      "rejected",
      "/storage/v1/object/sign/media/p/1.png",
    ]);
  });

  it("deletes with one request per batch and tolerates missing objects", async () => {
    await files.putBuffer("d/1.png", Buffer.from("1"), { contentType: "image/png" });
    await files.putBuffer("d/2.png", Buffer.from("2"), { contentType: "image/png" });
    seen.length = 0;
    await files.delete(["d/1.png", "d/missing.png"]);
    await files.delete(["d/1.png"]);
    await files.delete([]);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "DELETE /storage/v1/object/media",
      "DELETE /storage/v1/object/media",
    ]);
    expect([...objects.keys()]).toEqual(["d/2.png"]);
  });

  it("reports existence from the info endpoint, for both not-found styles, and throws on other errors", async () => {
    await files.putBuffer("e/here.png", Buffer.from("1"), { contentType: "image/png" });
    expect(await files.exists("e/here.png")).toBe(true);
    expect(await files.exists("e/gone.png")).toBe(false);
    notFoundStyle = "400";
    expect(await files.exists("e/gone.png")).toBe(false);
    failInfo = true;
    await expect(files.exists("e/here.png")).rejects.toThrow(/500/);
  });

  it("validates paths and content types before any request", async () => {
    await expect(
      files.putBuffer("../x.png", Buffer.from("1"), { contentType: "image/png" }),
    ).rejects.toBeInstanceOf(InvalidObjectPathError);
    await expect(
      files.putBuffer("x.png", Buffer.from("1"), { contentType: "text/html" }),
    ).rejects.toBeInstanceOf(InvalidObjectPathError);
    await expect(files.delete(["ok.png", "/abs.png"])).rejects.toBeInstanceOf(InvalidObjectPathError);
    await expect(files.exists("a//b.png")).rejects.toBeInstanceOf(InvalidObjectPathError);
    await expect(files.signedUrl("a/../b.png", 60)).rejects.toBeInstanceOf(InvalidObjectPathError);
    expect(seen).toEqual([]);
  });
});
