// Local storage writes each object to a hidden `.tmp-*` file and renames it into place; a crash
// mid-write leaves the temp file behind. The app removes old ones when it starts and on a
// reconciler pass, and never one young enough to be a write still in progress.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { runReconciler, TEST_CRON_SECRET } from "../helpers/providers";
import { until } from "../unit/emulator-receiver";

const HOUR_AGO = new Date(Date.now() - 60 * 60_000);
const GENERATION_DIR = "users/u1/generations/g1";

let dataDir: string;
let app: TestApp;
const inStorage = (relative: string) => path.join(dataDir, "storage", relative);

async function place(relative: string, mtime = new Date()): Promise<string> {
  const file = inStorage(relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, "partial bytes");
  await utimes(file, mtime, mtime);
  return file;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "atelier-temp-sweep-"));
  // What a crash an hour ago left behind, beside a real object and a write that just began.
  await place(`${GENERATION_DIR}/.tmp-crashed`, HOUR_AGO);
  await place(".tmp-crashed-at-root", HOUR_AGO);
  await place(`${GENERATION_DIR}/0.png`, HOUR_AGO);
  await place(`${GENERATION_DIR}/.tmp-writing`);
  app = await startApp({ DATA_DIR: dataDir, CRON_SECRET: TEST_CRON_SECRET });
});
afterAll(async () => {
  await app?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it("removes stale temp files at startup and keeps fresh ones and real objects", async () => {
  await until(
    async () =>
      [`${GENERATION_DIR}/.tmp-crashed`, ".tmp-crashed-at-root"].filter((f) => existsSync(inStorage(f))),
    (left) => left.length === 0,
    10_000,
  );
  expect(existsSync(inStorage(`${GENERATION_DIR}/.tmp-writing`))).toBe(true);
  expect(existsSync(inStorage(`${GENERATION_DIR}/0.png`))).toBe(true);
});

it("removes stale temp files on a reconciler pass and keeps fresh ones", async () => {
  const stale = await place("users/u2/uploads/.tmp-stale", HOUR_AGO);
  const fresh = await place("users/u2/uploads/.tmp-fresh");
  const report = await runReconciler(app.url);
  expect(existsSync(stale)).toBe(false);
  expect(existsSync(fresh)).toBe(true);
  expect(report.tempFiles).toBe(1);
});
