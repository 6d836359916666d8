import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalStorage, type LocalStorage } from "@/lib/storage/local";
import { InvalidObjectPathError, StorageLimitError } from "@/lib/storage/paths";
import { verifyFileSignature } from "@/lib/storage/signed-url";

const SECRET = "unit-secret-0123456789abcdef0123456789abcdef";
let dir: string;
let root: string;
let files: LocalStorage;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "atelier-storage-"));
  root = path.join(dir, "storage");
  files = createLocalStorage({ root, secret: SECRET });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Every file under the root, hidden ones included, as relative paths. */
async function listAll(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A stream of `chunks` chunks of `size` bytes each, optionally failing after `failAfter` chunks. */
function chunkStream(chunks: number, size: number, fill = 1, failAfter?: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (failAfter !== undefined && sent === failAfter) {
        this.destroy(new Error("source broke"));
        return;
      }
      if (sent === chunks) {
        this.push(null);
        return;
      }
      sent++;
      this.push(Buffer.alloc(size, fill));
    },
  });
}

describe("local storage adapter", () => {
  it("writes a buffer under the root, creating directories, and reports it", async () => {
    const data = Buffer.from("png bytes");
    const stored = await files.putBuffer("u1/g1/0.png", data, { contentType: "image/png" });
    expect(stored).toEqual({ path: "u1/g1/0.png", bytes: data.length, contentType: "image/png" });
    expect(await readFile(path.join(root, "u1/g1/0.png"))).toEqual(data);
    expect(await listAll()).toEqual(["u1/g1/0.png"]);
  });

  it("overwrites atomically: an interrupted write leaves the old object whole and no temp files", async () => {
    await files.putBuffer("u/a.json", Buffer.from('{"v":1}'), { contentType: "application/json" });
    // A reader that opened the old object keeps reading it whole while it is replaced.
    const opened = await files.openRead("u/a.json");
    await files.putBuffer("u/a.json", Buffer.from('{"v":2}'), { contentType: "application/json" });
    expect((await opened?.handle.readFile())?.toString()).toBe('{"v":1}');
    await opened?.handle.close();
    expect(await readFile(path.join(root, "u/a.json"), "utf8")).toBe('{"v":2}');

    await expect(
      files.putStream("u/a.json", chunkStream(10, 1024, 0x61, 3), { contentType: "application/json" }),
    ).rejects.toThrow("source broke");
    expect(await readFile(path.join(root, "u/a.json"), "utf8")).toBe('{"v":2}');
    expect(await listAll()).toEqual(["u/a.json"]);
  });

  it("streams into a file and counts the bytes", async () => {
    const stored = await files.putStream("v/clip.mp4", chunkStream(64, 64 * 1024, 7), {
      contentType: "video/mp4",
      maxBytes: 4 * 1024 * 1024,
    });
    expect(stored).toEqual({ path: "v/clip.mp4", bytes: 4 * 1024 * 1024, contentType: "video/mp4" });
    const written = await readFile(path.join(root, "v/clip.mp4"));
    expect(written.length).toBe(4 * 1024 * 1024);
    expect(written.every((byte) => byte === 7)).toBe(true);
  });

  it("aborts a stream past maxBytes, removes the partial file and stops reading the source", async () => {
    const source = chunkStream(1000, 64 * 1024);
    await expect(
      files.putStream("v/too-big.mp4", source, { contentType: "video/mp4", maxBytes: 1024 * 1024 }),
    ).rejects.toBeInstanceOf(StorageLimitError);
    expect(source.destroyed).toBe(true);
    expect(await files.exists("v/too-big.mp4")).toBe(false);
    expect(await listAll()).toEqual([]);
  });

  it("rejects bad paths and mismatched content types before touching the filesystem", async () => {
    for (const bad of ["../escape.png", "/abs.png", "a//b.png", "a\\b.png", "a/.hidden", "a\0.png"]) {
      await expect(
        files.putBuffer(bad, Buffer.from("x"), { contentType: "image/png" }),
      ).rejects.toBeInstanceOf(InvalidObjectPathError);
      await expect(files.exists(bad)).rejects.toBeInstanceOf(InvalidObjectPathError);
      await expect(files.delete([bad])).rejects.toBeInstanceOf(InvalidObjectPathError);
      await expect(files.signedUrl(bad, 60)).rejects.toBeInstanceOf(InvalidObjectPathError);
    }
    const source = chunkStream(1, 10);
    await expect(files.putStream("a.png", source, { contentType: "text/html" })).rejects.toBeInstanceOf(
      InvalidObjectPathError,
    );
    expect(source.destroyed).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  it("deletes idempotently and reports existence", async () => {
    await files.putBuffer("d/one.png", Buffer.from("1"), { contentType: "image/png" });
    await files.putBuffer("d/two.png", Buffer.from("2"), { contentType: "image/png" });
    expect(await files.exists("d/one.png")).toBe(true);
    expect(await files.exists("d")).toBe(false); // a directory is not an object
    expect(await files.exists("nope/none.png")).toBe(false);
    await files.delete(["d/one.png", "d/missing.png", "nowhere/x.png"]);
    await files.delete(["d/one.png"]);
    expect(await files.exists("d/one.png")).toBe(false);
    expect(await files.exists("d/two.png")).toBe(true);
    await files.delete([]);
  });

  it("refuses symlinks anywhere under the root, for reads, writes and deletes", async () => {
    const outside = path.join(dir, "outside");
    await mkdir(outside);
    await writeFile(path.join(outside, "secret.png"), "secret");
    await files.putBuffer("real/ok.png", Buffer.from("ok"), { contentType: "image/png" });
    await symlink(path.join(outside, "secret.png"), path.join(root, "real/link.png"));
    await symlink(outside, path.join(root, "linkdir"));
    await symlink(path.join(root, "real/ok.png"), path.join(root, "real/inside-link.png"));

    expect(await files.openRead("real/link.png")).toBeNull();
    expect(await files.openRead("linkdir/secret.png")).toBeNull();
    expect(await files.openRead("real/inside-link.png")).toBeNull();
    expect(await files.exists("linkdir/secret.png")).toBe(false);
    await expect(
      files.putBuffer("linkdir/new.png", Buffer.from("x"), { contentType: "image/png" }),
    ).rejects.toBeInstanceOf(InvalidObjectPathError);
    await files.delete(["linkdir/secret.png"]);
    expect(await readdir(outside)).toEqual(["secret.png"]);

    const opened = await files.openRead("real/ok.png");
    expect(opened).toMatchObject({ size: 2, contentType: "image/png" });
    await opened?.handle.close();
  });

  it("signs relative URLs by default and absolute ones with a base URL, verifiable with the secret", async () => {
    const relative = await files.signedUrl("u/a.png", 120);
    const match = /^\/api\/files\/u\/a\.png\?exp=(\d+)&sig=([\w-]+)$/.exec(relative);
    expect(match).not.toBeNull();
    const exp = Number(match?.[1]);
    expect(exp - Math.floor(Date.now() / 1000)).toBeGreaterThan(110);
    expect(
      verifyFileSignature({
        secret: SECRET,
        objectPath: "u/a.png",
        exp: match?.[1] ?? null,
        sig: match?.[2] ?? null,
      }),
    ).toEqual({ ok: true, expiresAt: exp });

    const absolute = createLocalStorage({ root, secret: () => SECRET, baseUrl: "https://atelier.test" });
    expect(await absolute.signedUrl("u/a.png", 60)).toMatch(
      /^https:\/\/atelier\.test\/api\/files\/u\/a\.png\?exp=/,
    );
    await expect(files.signedUrl("u/a.png", 0)).rejects.toThrow();
  });
});
