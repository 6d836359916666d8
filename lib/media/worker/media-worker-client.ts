import "server-only";
// The server thread's side of the media worker: one worker per process, started on first use
// and again after a crash. It hands out encoding permits from the process-wide semaphore when
// the worker asks, and records every object path the worker is about to write, so a crash
// mid-file still leaves the caller able to delete what was stored.
import { Worker } from "node:worker_threads";
import { log } from "@/lib/log";
import { getMediaSemaphore, type Semaphore } from "@/lib/media/semaphore";
import { MediaError, type MediaOutput } from "@/lib/media/types";
import type { FileTask, FromWorker, ToWorker } from "@/lib/media/worker/protocol";

export type MediaWorkerClient = {
  /** Runs one file in the worker; paths it is about to write are pushed onto `stored`. */
  processFile(task: FileTask, stored: string[]): Promise<MediaOutput>;
};

type Pending = { resolve: (output: MediaOutput) => void; reject: (error: Error) => void; stored: string[] };

const startMediaWorker = () => new Worker(new URL("./media-worker.ts", import.meta.url));

/** `spawn` is for tests, which stand in a worker speaking the same protocol. */
export function createMediaWorkerClient(
  semaphore: Semaphore,
  spawn: () => Worker = startMediaWorker,
): MediaWorkerClient {
  let worker: Worker | null = null;
  let lastId = 0;
  const pending = new Map<number, Pending>();
  const heldPermits = new Map<number, () => void>();

  function start(): Worker {
    const started = spawn();
    // An idle worker must not keep the process alive.
    started.unref();
    started.on("message", (message: FromWorker) => onMessage(started, message));
    started.on("error", (error) => stop(started, error));
    started.on("exit", (code) => stop(started, new Error(`media worker exited with code ${code}`)));
    return started;
  }

  function onMessage(from: Worker, message: FromWorker): void {
    switch (message.type) {
      case "acquire":
        void semaphore.acquire().then((release) => {
          // The worker may have died while waiting: give the permit straight back.
          if (from !== worker) return release();
          heldPermits.set(message.permit, release);
          from.postMessage({ type: "granted", permit: message.permit } satisfies ToWorker);
        });
        return;
      case "release":
        heldPermits.get(message.permit)?.();
        heldPermits.delete(message.permit);
        return;
      case "storing":
        pending.get(message.id)?.stored.push(message.path);
        return;
      case "done":
        pending.get(message.id)?.resolve(message.output);
        pending.delete(message.id);
        return;
      case "failed":
        pending.get(message.id)?.reject(new MediaError(message.code, message.message));
        pending.delete(message.id);
    }
  }

  function stop(stopped: Worker, error: Error): void {
    if (stopped !== worker) return;
    worker = null;
    log.error("media worker stopped", { error, pendingFiles: pending.size });
    for (const release of heldPermits.values()) release();
    heldPermits.clear();
    for (const { reject } of pending.values())
      reject(new MediaError("processing_failed", "The output could not be processed.", { cause: error }));
    pending.clear();
  }

  return {
    processFile(task, stored) {
      worker ??= start();
      const id = ++lastId;
      const running = worker;
      return new Promise<MediaOutput>((resolve, reject) => {
        pending.set(id, { resolve, reject, stored });
        running.postMessage({ type: "file", id, task } satisfies ToWorker);
      });
    },
  };
}

// One per process, kept on globalThis like the semaphore it shares (route bundles and dev
// reloads may evaluate this module more than once).
const GLOBAL_KEY = Symbol.for("atelier.mediaWorker");
type WithWorker = typeof globalThis & { [GLOBAL_KEY]?: MediaWorkerClient };

export function mediaWorker(): MediaWorkerClient {
  const holder = globalThis as WithWorker;
  holder[GLOBAL_KEY] ??= createMediaWorkerClient(getMediaSemaphore());
  return holder[GLOBAL_KEY];
}
