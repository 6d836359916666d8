import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { removeStaleTempFiles, TEMP_FILE_MAX_AGE_MS } from "@/lib/storage/temp-files";

let dir: string;
let root: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "atelier-temp-files-"));
  root = path.join(dir, "storage");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const longAgo = new Date(Date.now() - TEMP_FILE_MAX_AGE_MS - 60_000);

async function place(file: string, mtime = new Date()): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, "bytes");
  await utimes(file, mtime, mtime);
  return file;
}

it("removes old temp files at any depth and keeps fresh ones and every real object", async () => {
  const stale = [
    await place(path.join(root, ".tmp-a"), longAgo),
    await place(path.join(root, "users/u/generations/g/abc/.tmp-b"), longAgo),
  ];
  const kept = [
    await place(path.join(root, "users/u/generations/g/abc/.tmp-writing")),
    await place(path.join(root, "users/u/generations/g/abc/0.png"), longAgo),
    await place(path.join(root, "users/u/tmp-not-hidden"), longAgo),
  ];
  expect(await removeStaleTempFiles(root)).toBe(2);
  expect(stale.filter(existsSync)).toEqual([]);
  expect(kept.filter(existsSync)).toEqual(kept);
});

it("never follows a symlink out of the root", async () => {
  const outside = await place(path.join(dir, "elsewhere", ".tmp-not-ours"), longAgo);
  await mkdir(root, { recursive: true });
  await symlink(path.dirname(outside), path.join(root, "link"));
  expect(await removeStaleTempFiles(root)).toBe(0);
  expect(existsSync(outside)).toBe(true);
});

it("finds nothing when the storage root does not exist yet", async () => {
  expect(await removeStaleTempFiles(root)).toBe(0);
});
