// GET/HEAD /api/files/<path>: signed, expiring, streamed, ranged, and never a way out of the
// storage root. Objects are written with the local adapter straight into the app's storage
// root (nothing in the app writes files yet) and signed with the app's SESSION_SECRET.
import { createHmac, randomBytes } from "node:crypto";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalStorage, type LocalStorage } from "@/lib/storage/local";
import { signFileUrl } from "@/lib/storage/signed-url";
import { startApp, TEST_SESSION_SECRET, type TestApp } from "../helpers/app";

const SECRET_CONTENT = "TOP-SECRET-OUTSIDE-THE-STORAGE-ROOT";

let app: TestApp;
let files: LocalStorage;
const body = {
  png: randomBytes(4096),
  jpg: randomBytes(1000),
  webp: randomBytes(1000),
  gif: randomBytes(1000),
  mp4: randomBytes(256 * 1024),
  webm: randomBytes(1000),
  json: Buffer.from(JSON.stringify({ hello: "world", pad: "x".repeat(2000) })),
};

beforeAll(async () => {
  app = await startApp();
  const root = path.join(app.dataDir, "storage");
  files = createLocalStorage({ root, secret: TEST_SESSION_SECRET, baseUrl: app.url });
  await files.putBuffer("u1/g1/image.png", body.png, { contentType: "image/png" });
  await files.putBuffer("u1/g1/photo.jpg", body.jpg, { contentType: "image/jpeg" });
  await files.putBuffer("u1/g1/thumb.webp", body.webp, { contentType: "image/webp" });
  await files.putBuffer("u1/g1/anim.gif", body.gif, { contentType: "image/gif" });
  await files.putBuffer("u1/g1/clip.mp4", body.mp4, { contentType: "video/mp4" });
  await files.putBuffer("u1/g1/clip.webm", body.webm, { contentType: "video/webm" });
  await files.putBuffer("u1/g1/meta.json", body.json, { contentType: "application/json" });
  // A file outside the root that no URL may ever serve, and links to it from inside.
  await writeFile(path.join(app.dataDir, "secret.txt"), SECRET_CONTENT);
  await mkdir(path.join(root, "links"), { recursive: true });
  await symlink(path.join(app.dataDir, "secret.txt"), path.join(root, "links/secret.txt"));
  await symlink(app.dataDir, path.join(root, "linkdir"));
  await symlink(path.join(root, "u1/g1/image.png"), path.join(root, "links/inside.png"));
});
afterAll(() => app?.stop());

const now = () => Math.floor(Date.now() / 1000);
const sign = (objectPath: string, expiresAt = now() + 300) =>
  signFileUrl({ secret: TEST_SESSION_SECRET, objectPath, expiresAt, baseUrl: app.url });

async function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  const res = await fetch(url, { method, headers, redirect: "manual" });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** A request whose path goes on the wire exactly as written (fetch would normalise `..`). */
function raw(rawPath: string): Promise<{ status: number; location?: string; text: string }> {
  const { hostname, port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: rawPath, method: "GET" }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          text: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** A raw path with a query signed, with the real secret, for `signedFor` (any string). */
function rawSigned(pathname: string, signedFor: string): string {
  const exp = now() + 300;
  const sig = createHmac("sha256", TEST_SESSION_SECRET)
    .update(`files:${signedFor}:${exp}`)
    .digest("base64url");
  return `${pathname}?exp=${exp}&sig=${sig}`;
}

describe("serving signed files", () => {
  it("makes absolute URLs on APP_URL", async () => {
    expect(await files.signedUrl("u1/g1/image.png", 60)).toMatch(
      new RegExp(`^${app.url}/api/files/u1/g1/image\\.png\\?exp=\\d+&sig=[\\w-]{43}$`),
    );
  });

  it.each([
    ["u1/g1/image.png", "png", "image/png"],
    ["u1/g1/photo.jpg", "jpg", "image/jpeg"],
    ["u1/g1/thumb.webp", "webp", "image/webp"],
    ["u1/g1/anim.gif", "gif", "image/gif"],
    ["u1/g1/clip.mp4", "mp4", "video/mp4"],
    ["u1/g1/clip.webm", "webm", "video/webm"],
    ["u1/g1/meta.json", "json", "application/json"],
  ] as const)("serves %s whole with type %s", async (objectPath, kind, type) => {
    const res = await get(await files.signedUrl(objectPath, 120));
    expect(res.status).toBe(200);
    expect(res.bytes.equals(body[kind])).toBe(true);
    expect(res.headers.get("content-type")).toBe(type);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("etag")).toMatch(/^W\/".+"$/);
    expect(res.headers.get("last-modified")).toBeTruthy();
    const maxAge = Number(/^private, max-age=(\d+)/.exec(res.headers.get("cache-control") ?? "")?.[1]);
    expect(maxAge).toBeGreaterThan(100);
    expect(maxAge).toBeLessThanOrEqual(120);
    // Next strips Content-Length from route handler responses; when it is there it must be right.
    expect([null, String(body[kind].length)]).toContain(res.headers.get("content-length"));
  });

  it("is not compressed on the way, so ranges stay byte ranges", async () => {
    const res = await fetch(sign("u1/g1/meta.json"), { headers: { "accept-encoding": "gzip, br" } });
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("cache-control")).toContain("no-transform");
  });

  it("answers single byte ranges with 206 and the right bytes", async () => {
    const url = sign("u1/g1/clip.mp4");
    const size = body.mp4.length;
    const cases: [string, number, number][] = [
      ["bytes=0-0", 0, 0],
      ["bytes=100-1099", 100, 1099],
      [`bytes=${size - 10}-`, size - 10, size - 1],
      ["bytes=-500", size - 500, size - 1],
      [`bytes=${size - 5}-${size + 1000}`, size - 5, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const res = await get(url, { range });
      expect(res.status, range).toBe(206);
      expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${size}`);
      expect(res.bytes.equals(body.mp4.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it("answers 416 with the size for an unsatisfiable range, and ignores ranges it does not support", async () => {
    const url = sign("u1/g1/clip.mp4");
    const size = body.mp4.length;
    for (const range of [`bytes=${size}-`, `bytes=${size + 5}-${size + 10}`, "bytes=-0"]) {
      const res = await get(url, { range });
      expect(res.status, range).toBe(416);
      expect(res.headers.get("content-range")).toBe(`bytes */${size}`);
      expect(JSON.parse(res.bytes.toString())).toMatchObject({
        error: { code: expect.any(String), message: expect.any(String) },
      });
    }
    for (const range of ["bytes=0-1,5-6", "bytes=9-2", "pages=1-2"]) {
      const res = await get(url, { range });
      expect(res.status, range).toBe(200);
      expect(res.bytes.equals(body.mp4)).toBe(true);
    }
  });

  it("answers HEAD with the headers and no body, ranges included", async () => {
    const url = sign("u1/g1/image.png");
    const head = await get(url, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.bytes.length).toBe(0);
    expect(head.headers.get("content-type")).toBe("image/png");
    expect(head.headers.get("accept-ranges")).toBe("bytes");
    const ranged = await get(url, { range: "bytes=0-9" }, "HEAD");
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes 0-9/${body.png.length}`);
    expect(ranged.bytes.length).toBe(0);
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const url = sign("u1/g1/image.png");
    const first = await get(url);
    const again = await get(url, { "if-none-match": first.headers.get("etag") ?? "" });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
  });

  it("answers 404 for a missing object with a valid signature", async () => {
    const res = await get(sign("u1/g1/missing.png"));
    expect(res.status).toBe(404);
    expect(JSON.parse(res.bytes.toString())).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String) },
    });
  });
});

describe("saving under a readable name", () => {
  it("sends the requested name as an attachment", async () => {
    const res = await get(`${sign("u1/g1/image.png")}&download=red-fox-snowy-forest-3f9c.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="red-fox-snowy-forest-3f9c.png"',
    );
    expect(res.bytes.equals(body.png)).toBe(true);
  });

  it.each([
    ["another extension", "setup.exe"],
    ["the right extension after another", "invoice.exe.png"],
    ["quotes", 'a"b.png'],
    ["a path", "..%2Fimage.png"],
    ["upper case", "Fox.png"],
    ["no extension", "fox"],
  ])("refuses a name with %s", async (_what, name) => {
    const res = await get(`${sign("u1/g1/image.png")}&download=${name}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-disposition")).toBeNull();
  });
});

describe("refusing unsigned or wrongly signed URLs", () => {
  it.each([
    ["a tampered signature", (u: URL) => u.searchParams.set("sig", flip(u.searchParams.get("sig") ?? ""))],
    [
      "a truncated signature",
      (u: URL) => u.searchParams.set("sig", (u.searchParams.get("sig") ?? "").slice(2)),
    ],
    ["a missing signature", (u: URL) => u.searchParams.delete("sig")],
    ["a missing expiry", (u: URL) => u.searchParams.delete("exp")],
    [
      "an extended expiry",
      (u: URL) => u.searchParams.set("exp", String(Number(u.searchParams.get("exp")) + 1)),
    ],
    ["no query at all", (u: URL) => (u.search = "")],
  ])("answers 403 to %s", async (_name, mutate) => {
    const url = new URL(sign("u1/g1/image.png"));
    mutate(url);
    const res = await get(url.toString());
    expect(res.status).toBe(403);
    expect(JSON.parse(res.bytes.toString())).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String) },
    });
  });

  it("answers 403 to a signature made for another path", async () => {
    const other = new URL(sign("u1/g1/photo.jpg"));
    const res = await get(`${app.url}/api/files/u1/g1/image.png${other.search}`);
    expect(res.status).toBe(403);
  });

  it("answers 403 to a signature made with another secret", async () => {
    const url = signFileUrl({
      secret: "some-other-secret-0123456789abcdef0123456789",
      objectPath: "u1/g1/image.png",
      expiresAt: now() + 300,
      baseUrl: app.url,
    });
    expect((await get(url)).status).toBe(403);
  });

  it("answers 403 to an expired URL", async () => {
    const res = await get(sign("u1/g1/image.png", now() - 1));
    expect(res.status).toBe(403);
    expect(JSON.parse(res.bytes.toString())).toMatchObject({
      error: { code: expect.any(String), message: expect.stringMatching(/expired/i) },
    });
  });
});

describe("never serving anything outside the storage root", () => {
  // Each path is signed with the real secret for what it spells, so only the path checks stand
  // between the request and the file. Where Next's router normalises the URL first, the request
  // never reaches this route (a 404 page) or is redirected to a path inside the root.
  it.each([
    ["dot-dot", "/api/files/../secret.txt", "../secret.txt", [404]],
    ["nested dot-dot", "/api/files/u1/../../secret.txt", "u1/../../secret.txt", [404]],
    ["encoded dot-dot", "/api/files/%2e%2e/secret.txt", "../secret.txt", [404]],
    ["encoded dot-dot in the route", "/api/files/u1/%2e%2e/%2e%2e/secret.txt", "../secret.txt", [404]],
    ["encoded slash", "/api/files/..%2Fsecret.txt", "../secret.txt", [400]],
    ["encoded slash, lower case", "/api/files/u1%2fg1%2fimage.png", "u1/g1/image.png", [400]],
    ["encoded backslash", "/api/files/..%5Csecret.txt", "..\\secret.txt", [400]],
    ["encoded absolute path", "/api/files/%2Fetc%2Fpasswd", "/etc/passwd", [400]],
    ["absolute path", "/api/files//tmp/secret.txt", "/tmp/secret.txt", [308, 404]],
    ["backslash", "/api/files/..\\secret.txt", "..\\secret.txt", [308, 404]],
    ["encoded NUL", "/api/files/u1/g1/image.png%00.txt", "u1/g1/image.png\0.txt", [400]],
    ["other percent-encoding", "/api/files/u1/g1/%69mage.png", "u1/g1/image.png", [400]],
  ])("refuses %s", async (_name, pathname, signedFor, statuses) => {
    const res = await raw(rawSigned(pathname, signedFor));
    expect(statuses).toContain(res.status);
    expect(res.text).not.toContain(SECRET_CONTENT);
    if (res.status === 400)
      expect(JSON.parse(res.text)).toMatchObject({
        error: { code: expect.any(String), message: expect.any(String) },
      });
    if (res.status === 308 && res.location) {
      // Next turns `\` into `/`, normalises and redirects; what it points at is not served either.
      const followed = await raw(res.location);
      expect(followed.status).not.toBe(200);
      expect(followed.text).not.toContain(SECRET_CONTENT);
    }
  });

  it.each([
    ["a symlink to a file outside", "links/secret.txt"],
    ["a symlinked directory leading outside", "linkdir/secret.txt"],
    ["a symlink even to a file inside", "links/inside.png"],
  ])("refuses %s with 404", async (_name, objectPath) => {
    const res = await get(sign(objectPath));
    expect(res.status).toBe(404);
    expect(res.bytes.toString()).not.toContain(SECRET_CONTENT);
    expect(JSON.parse(res.bytes.toString())).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String) },
    });
  });
});

describe("in Supabase storage mode", () => {
  let supabaseApp: TestApp;
  beforeAll(async () => {
    supabaseApp = await startApp({
      NEXT_PUBLIC_SUPABASE_URL: "http://127.0.0.1:9",
      NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_test",
      SUPABASE_SECRET_KEY: "sb_secret_test",
    });
    const root = path.join(supabaseApp.dataDir, "storage");
    await createLocalStorage({ root, secret: TEST_SESSION_SECRET }).putBuffer("u/a.png", body.png, {
      contentType: "image/png",
    });
  });
  afterAll(() => supabaseApp?.stop());

  it("answers 404 even to a valid local signature", async () => {
    const url = signFileUrl({
      secret: TEST_SESSION_SECRET,
      objectPath: "u/a.png",
      expiresAt: now() + 300,
      baseUrl: supabaseApp.url,
    });
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.bytes.toString())).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String) },
    });
  });
});

function flip(sig: string): string {
  const first = sig.startsWith("A") ? "B" : "A";
  return `${first}${sig.slice(1)}`;
}
