// Direct uploads in local mode, as the browser does them with the real tus client: a slot from
// the app, the bytes over tus in chunks (interrupted and resumed), completion into a checked,
// re-encoded image, and everything a careless or hostile client may try on the way.
import { existsSync, readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UploadSlot } from "../../lib/uploads/limits";
import { signSlotToken } from "../../lib/uploads/slot-token";
import { startApp, TEST_SESSION_SECRET, type TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import { runReconciler, TEST_CRON_SECRET } from "../helpers/providers";
import { askSlot, complete, sendOverTus, tusStatus } from "../helpers/tus";

const CHUNK = 16 * 1024;
const MB = 1024 * 1024;

let app: TestApp;
let alice: Client;
let bob: Client;

beforeAll(async () => {
  app = await startApp({ CRON_SECRET: TEST_CRON_SECRET });
  alice = await signIn(app.url, "alice@example.com");
  bob = await signIn(app.url, "bob@example.com");
});
afterAll(async () => {
  await app?.stop();
});

const inStorage = (objectPath: string) => path.join(app.dataDir, "storage", objectPath);

/** Every file under the storage root (tus records included), with its size. */
function everyStoredFile(dir = path.join(app.dataDir, "storage")): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? everyStoredFile(full) : [`${full}:${statSync(full).size}`];
  });
}

function filesUnder(objectDir: string): string[] {
  const dir = inStorage(objectDir);
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** A noisy 400×300 JPEG (so it spans several chunks) with EXIF: rotate 90° and a private note. */
function photoWithExif(): Promise<Buffer> {
  return sharp({
    create: {
      width: 400,
      height: 300,
      channels: 3,
      background: "#369",
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 95 })
    .withExif({ IFD0: { Copyright: "private-owner-note", ImageDescription: "home-address" } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

async function slotFor(client: Client, name: string, data: Buffer, type = "image/jpeg"): Promise<UploadSlot> {
  const reply = await askSlot(client, { name, size: data.length, type });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

function tusHead(uploadUrl: string, token: string | undefined) {
  const headers: Record<string, string> = { "tus-resumable": "1.0.0" };
  if (token !== undefined) headers["x-signature"] = token;
  return fetch(uploadUrl, { method: "HEAD", headers });
}

describe("direct upload", () => {
  it("sends chunks, resumes where the server says, and completes into a clean re-encoded image", async () => {
    const photo = await photoWithExif();
    expect(photo.length).toBeGreaterThan(3 * CHUNK);
    const slot = await slotFor(alice, "holiday.jpg", photo);
    expect(slot.path).toMatch(/^users\/[0-9a-f-]{36}\/incoming\/[0-9a-f-]{36}$/);
    expect(slot.tus.endpoint).toBe(`${app.url}/api/uploads/tus`);

    // The connection drops after the first chunk.
    const first = await sendOverTus(slot, photo, { chunkSize: CHUNK, stopAfterChunks: 1 });
    expect(first.stopped).toBe(true);
    const head = await tusHead(first.url, slot.tus.headers["x-signature"]);
    expect(head.status).toBe(200);
    expect(head.headers.get("upload-offset")).toBe(String(CHUNK));
    // Not all there yet: nothing to complete.
    expect((await complete(alice, slot)).status).toBe(409);

    const rest = await sendOverTus(slot, photo, { chunkSize: CHUNK, uploadUrl: first.url });
    expect(rest.url).toBe(first.url);
    expect(rest.patches[0]?.offset).toBe(CHUNK);
    expect(rest.patches.reduce((sum, p) => sum + p.bytes, 0)).toBe(photo.length - CHUNK);
    expect(rest.patches.length).toBeGreaterThan(1);
    expect((await readFile(inStorage(slot.path))).equals(photo)).toBe(true);

    const done = await complete<{
      url: string;
      path: string;
      mime: string;
      width: number;
      height: number;
      bytes: number;
    }>(alice, slot);
    expect(done.status).toBe(200);
    // Orientation applied: the 400×300 pixels stand upright as 300×400.
    expect(done.body).toMatchObject({ mime: "image/jpeg", width: 300, height: 400 });
    expect(done.body.path).toMatch(/^users\/[0-9a-f-]{36}\/uploads\/[0-9a-f-]{36}\.jpg$/);
    const stored = await readFile(inStorage(done.body.path));
    expect(stored.length).toBe(done.body.bytes);
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(stored.includes("private-owner-note")).toBe(false);
    expect(stored.includes("home-address")).toBe(false);
    // The raw upload and its tus record are gone; the signed URL serves the result.
    expect(existsSync(inStorage(slot.path))).toBe(false);
    expect(readdirSync(path.join(app.dataDir, "storage", ".tus-uploads"))).toEqual([]);
    const served = await fetch(done.body.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(stored)).toBe(true);

    // Completing again answers the same and stores nothing more.
    const again = await complete(alice, slot);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(done.body);
    const uploadsDir = path.dirname(done.body.path);
    expect(filesUnder(uploadsDir)).toEqual([path.basename(done.body.path)]);
  });

  it("keeps transparency: a PNG stays a PNG", async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: "#0000" } })
      .png()
      .toBuffer();
    const slot = await slotFor(alice, "cutout.png", png, "image/png");
    await sendOverTus(slot, png, { chunkSize: CHUNK });
    const done = await complete(alice, slot);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ mime: "image/png", width: 40, height: 30 });
  });
});

describe("refusals", () => {
  it("refuses a missing, forged or expired slot token with 401 and another upload's with 403, writing nothing", async () => {
    const data = await photoWithExif();
    const slot = await slotFor(alice, "a.jpg", data);
    const before = everyStoredFile();
    const token = slot.tus.headers["x-signature"] as string;
    const [payload = "", sig = ""] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const bigger = Buffer.from(JSON.stringify({ ...claims, maxBytes: 1e12 })).toString("base64url");
    const expired = signSlotToken(TEST_SESSION_SECRET, {
      ...claims,
      expiresAt: Math.floor(Date.now() / 1000) - 1,
    });
    const otherSecret = signSlotToken("some-other-secret-0123456789abcdef0123", claims);

    for (const [label, headers, status] of [
      ["no token", {}, 401],
      ["garbage", { "x-signature": "garbage" }, 401],
      ["a changed payload", { "x-signature": `${bigger}.${sig}` }, 401],
      ["another secret", { "x-signature": otherSecret }, 401],
      ["an expired token", { "x-signature": expired }, 401],
    ] as const) {
      const error = await sendOverTus(slot, data, { chunkSize: CHUNK, headers }).catch((e: unknown) => e);
      expect(tusStatus(error), label).toBe(status);
    }
    expect(everyStoredFile()).toEqual(before);

    // Bob's valid token does not open Alice's upload.
    const started = await sendOverTus(slot, data, { chunkSize: CHUNK, stopAfterChunks: 1 });
    const bobSlot = await slotFor(bob, "b.jpg", data);
    const bobToken = bobSlot.tus.headers["x-signature"] as string;
    expect((await tusHead(started.url, bobToken)).status).toBe(403);
    const patch = await fetch(started.url, {
      method: "PATCH",
      headers: {
        "tus-resumable": "1.0.0",
        "upload-offset": String(CHUNK),
        "content-type": "application/offset+octet-stream",
        "x-signature": bobToken,
      },
      body: new Uint8Array(data.subarray(CHUNK, 2 * CHUNK)),
    });
    expect(patch.status).toBe(403);
    expect((await tusHead(started.url, token)).headers.get("upload-offset")).toBe(String(CHUNK));
    expect(existsSync(inStorage(bobSlot.path))).toBe(false);
  });

  it("refuses a file over the limit when asking for a slot and when declaring its length", async () => {
    const tooBig = await askSlot(alice, { name: "huge.jpg", size: 10 * MB + 1, type: "image/jpeg" });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({
      error: { code: "payload_too_large", message: "huge.jpg: larger than 10 MB" },
    });

    const small = Buffer.alloc(1000, 1);
    const slot = await slotFor(alice, "liar.jpg", small);
    expect(slot.maxBytes).toBe(10 * MB);
    const response = await fetch(slot.tus.endpoint, {
      method: "POST",
      headers: {
        "tus-resumable": "1.0.0",
        "upload-length": String(10 * MB + 1),
        "x-signature": slot.tus.headers["x-signature"] as string,
      },
    });
    expect(response.status).toBe(413);
    expect(existsSync(inStorage(slot.path))).toBe(false);
  });

  it("refuses what is not an image with 415, by declared type and by its bytes, and keeps nothing", async () => {
    const pdf = await askSlot(alice, { name: "notes.pdf", size: 2000, type: "application/pdf" });
    expect(pdf.status).toBe(415);
    expect(pdf.body).toMatchObject({
      error: { code: "unsupported_media_type", message: expect.stringContaining("notes.pdf") },
    });

    const html = Buffer.from("<html><script>alert(1)</script></html>");
    const slot = await slotFor(alice, "evil.png", html, "image/png");
    await sendOverTus(slot, html, { chunkSize: CHUNK });
    expect(existsSync(inStorage(slot.path))).toBe(true);
    const uploadsDir = path.join(path.dirname(path.dirname(slot.path)), "uploads");
    const before = filesUnder(uploadsDir);
    const refused = await complete(alice, slot);
    expect(refused.status).toBe(415);
    expect(refused.body).toEqual({
      error: {
        code: "unsupported_media_type",
        message: "evil.png: not a PNG, JPEG, WebP, GIF or AVIF image",
        field: "files",
      },
    });
    expect(existsSync(inStorage(slot.path))).toBe(false);
    expect(filesUnder(uploadsDir)).toEqual(before);
  });

  it("answers 404 for another user's upload id and for ids that name nothing", async () => {
    const data = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const slot = await slotFor(alice, "mine.png", data, "image/png");
    await sendOverTus(slot, data, { chunkSize: CHUNK });
    expect((await complete(bob, slot)).status).toBe(404);
    expect((await bob.post(`/api/uploads/${crypto.randomUUID()}/complete`)).status).toBe(404);
    expect((await bob.post("/api/uploads/not-an-id/complete")).status).toBe(404);
    // Alice's upload is untouched and still completes.
    expect((await complete(alice, slot)).status).toBe(200);
  });

  it("asks for a session to get a slot or complete one", async () => {
    const { Client } = await import("../helpers/http");
    const stranger = new Client(app.url);
    expect((await askSlot(stranger, { name: "a.png", size: 10 })).status).toBe(401);
    expect((await stranger.post(`/api/uploads/${crypto.randomUUID()}/complete`)).status).toBe(401);
  });
});

describe("abandoned uploads", () => {
  it("are removed by the reconciler once their slot has expired", async () => {
    const photo = await photoWithExif();
    const slot = await slotFor(alice, "left.jpg", photo);
    await sendOverTus(slot, photo, { chunkSize: CHUNK, stopAfterChunks: 1 });
    const fresh = await slotFor(alice, "fresh.jpg", photo);
    await sendOverTus(fresh, photo, { chunkSize: CHUNK, stopAfterChunks: 1 });
    expect(existsSync(inStorage(slot.path))).toBe(true);

    await app.db.sql`update uploads set expires_at = now() - interval '1 hour' where id = ${slot.id}`;
    const report = await runReconciler(app.url);
    expect(report.expiredUploads).toBe(1);
    expect(existsSync(inStorage(slot.path))).toBe(false);
    expect(existsSync(inStorage(fresh.path))).toBe(true);
    // Its slot is closed: the token cannot start the upload again.
    const again = await sendOverTus(slot, photo, { chunkSize: CHUNK }).catch((e: unknown) => e);
    expect(tusStatus(again)).toBe(409);
    expect(existsSync(inStorage(slot.path))).toBe(false);
  });
});
