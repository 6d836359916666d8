// The media worker thread: downloads, stores and thumbnails output files for the server thread.
// Media bytes (socket reads, whole images) churn memory fast; here that churn, and the garbage
// collections it triggers, stay in a small heap of their own instead of pausing the server's
// request handling and re-marking its much larger heap several times a second.
// Encoding permits still come from the server thread's process-wide semaphore, so
// MAX_CONCURRENT_MEDIA holds across both threads.
import { parentPort } from "node:worker_threads";
import { log } from "@/lib/log";
import { type MediaPermits, processFile } from "@/lib/media/process-file";
import type { MediaError, MediaSource } from "@/lib/media/types";
import type { FileTask, FromWorker, ToWorker } from "@/lib/media/worker/protocol";
import { storage } from "@/lib/storage";

const port = parentPort;
if (!port) throw new Error("media-worker must run as a worker thread");
const send = (message: FromWorker) => port.postMessage(message);

let lastPermit = 0;
const waitingForPermit = new Map<number, () => void>();

const permits: MediaPermits = {
  async withPermit(fn) {
    const permit = ++lastPermit;
    await new Promise<void>((resolve) => {
      waitingForPermit.set(permit, resolve);
      send({ type: "acquire", permit });
    });
    try {
      return await fn();
    } finally {
      send({ type: "release", permit });
    }
  },
};

port.on("message", (message: ToWorker) => {
  if (message.type === "granted") {
    waitingForPermit.get(message.permit)?.();
    waitingForPermit.delete(message.permit);
  } else {
    void run(message.id, message.task);
  }
});

async function run(id: number, task: FileTask): Promise<void> {
  try {
    const output = await processFile(
      { ...task, storage: storage(), permits, onStore: (path) => send({ type: "storing", id, path }) },
      asBuffer(task.source),
      task.index,
    );
    send({ type: "done", id, output });
  } catch (error) {
    // processFile only throws MediaErrors; their cause (a storage or sharp error) stays in this log.
    const { code, message, cause } = error as MediaError;
    if (cause) log.warn("media file failed", { generationId: task.generationId, code, error: cause });
    send({ type: "failed", id, code, message });
  }
}

// Inline bytes arrive as a plain Uint8Array after the thread hop.
function asBuffer(source: MediaSource): MediaSource {
  if (!("bytes" in source)) return source;
  const { bytes } = source;
  return { ...source, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
