import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { Semaphore } from "@/lib/media/semaphore";
import { MediaError } from "@/lib/media/types";
import { createMediaWorkerClient } from "@/lib/media/worker/media-worker-client";
import type { FileTask } from "@/lib/media/worker/protocol";

// A stand-in media worker speaking the real protocol; the task's URL says what it does.
const STAND_IN = `
const { parentPort } = require("node:worker_threads");
const granted = new Map();
const permit = (n) => new Promise((resolve) => { granted.set(n, resolve); parentPort.postMessage({ type: "acquire", permit: n }); });
parentPort.on("message", async (m) => {
  if (m.type === "granted") return granted.get(m.permit)();
  const { id, task } = m;
  const act = task.source.url;
  if (act === "crash") {
    await permit(1);
    parentPort.postMessage({ type: "storing", id, path: "users/u/generations/g/0.png" });
    setTimeout(() => process.exit(3), 20);
  } else if (act === "three-permits") {
    await Promise.all([1, 2, 3].map(async (n) => {
      await permit(n);
      parentPort.postMessage({ type: "storing", id, path: "granted-" + n });
      await new Promise((r) => setTimeout(r, 100));
      parentPort.postMessage({ type: "release", permit: n });
    }));
    parentPort.postMessage({ type: "done", id, output: { path: "p", thumb_path: null, mime: "image/png", width: 1, height: 1, bytes: 1 } });
  } else if (act === "refuse") {
    parentPort.postMessage({ type: "failed", id, code: "host_not_allowed", message: "Refused to download media from x." });
  } else {
    parentPort.postMessage({ type: "done", id, output: { path: "ok.png", thumb_path: "ok.thumb.webp", mime: "image/png", width: 2, height: 2, bytes: 9 } });
  }
});`;

const task = (url: string): FileTask => ({
  generationId: "g",
  userId: "u",
  attempt: "a",
  kind: "image",
  allowedHosts: ["127.0.0.1"],
  limits: { imageMaxBytes: 1024, videoMaxBytes: 1024 },
  source: { url },
  index: 0,
});

function client(semaphore = new Semaphore(2)) {
  let spawned = 0;
  const worker = createMediaWorkerClient(semaphore, () => {
    spawned++;
    return new Worker(STAND_IN, { eval: true });
  });
  return { worker, semaphore, spawned: () => spawned };
}

describe("media worker client", () => {
  it("returns the worker's output and rebuilds its refusals as MediaErrors", async () => {
    const { worker } = client();
    await expect(worker.processFile(task("ok"), [])).resolves.toMatchObject({ path: "ok.png", width: 2 });
    const refused = await worker.processFile(task("refuse"), []).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MediaError);
    expect(refused).toMatchObject({ code: "host_not_allowed", message: "Refused to download media from x." });
  });

  it("grants the worker no more encoding permits than the semaphore holds", async () => {
    const { worker, semaphore } = client(new Semaphore(2));
    const stored: string[] = [];
    const running = worker.processFile(task("three-permits"), stored);
    await expect.poll(() => stored.length).toBe(2);
    expect(semaphore.active).toBe(2);
    expect(semaphore.waiting).toBe(1);
    await running;
    expect(stored).toHaveLength(3);
    expect(semaphore.active).toBe(0);
  });

  it("fails the file of a crashed worker, keeps what it was storing for cleanup, frees its permits and starts afresh", async () => {
    const { worker, semaphore, spawned } = client();
    const stored: string[] = [];
    const crashed = await worker.processFile(task("crash"), stored).catch((error: unknown) => error);
    expect(crashed).toMatchObject({
      code: "processing_failed",
      message: "The output could not be processed.",
    });
    expect(stored).toEqual(["users/u/generations/g/0.png"]);
    expect(semaphore.active).toBe(0);
    await expect(worker.processFile(task("ok"), [])).resolves.toMatchObject({ path: "ok.png" });
    expect(spawned()).toBe(2);
  });
});
