// Copies a generation's outputs into our storage: originals plus WebP thumbnails for images,
// streamed originals for video. Files of one generation go strictly one at a time (never
// Promise.all). Per process, at most MAX_CONCURRENT_MEDIA images are being decoded and encoded
// by sharp (the process-wide media semaphore) and at most twice that many files are in flight
// at all, however many generations finish at once: memory stays bounded while one file's
// download and writes overlap another's encoding. All or nothing: on any failure every object
// this call stored is deleted before the error (a MediaError) is thrown.
//
// With a `worker`, each file's work runs in the media worker thread (lib/media/worker), which
// asks this thread's semaphore for its encoding permits; the bounds above hold either way.

import { type Logger, log as rootLog } from "@/lib/log";
import { asMediaError, type FileContext, type OutputLimits, processFile } from "@/lib/media/process-file";
import { getMediaSemaphore, Semaphore } from "@/lib/media/semaphore";
import type { MediaKind, MediaOutput, MediaSource } from "@/lib/media/types";
import type { MediaWorkerClient } from "@/lib/media/worker/media-worker-client";
import type { FileTask } from "@/lib/media/worker/protocol";
import type { StoragePort } from "@/lib/storage/types";

export type ProcessOutputsInput = {
  generationId: string;
  userId: string;
  /** Names the folder this call writes to, apart from any other attempt's (see outputBasePath). */
  attempt: string;
  sources: readonly MediaSource[];
  kind: MediaKind;
  /** Where outputs go; with a worker it must be the runtime's `storage()`, which the worker uses. */
  storage: StoragePort;
  allowedHosts: readonly string[];
  limits: OutputLimits;
  /** Defaults to the process-wide media semaphore. */
  semaphore?: Semaphore;
  /** Runs each file in the media worker thread instead of on this one (it shares `semaphore`). */
  worker?: MediaWorkerClient;
  log?: Logger;
};

// Files in flight (downloading, encoding or writing) are bounded at twice the sharp permits, so
// one file's download and writes overlap another's encoding while memory stays bounded.
const slotsBySemaphore = new WeakMap<Semaphore, Semaphore>();
function fileSlots(semaphore: Semaphore): Semaphore {
  let slots = slotsBySemaphore.get(semaphore);
  if (!slots) {
    slots = new Semaphore(semaphore.limit * 2);
    slotsBySemaphore.set(semaphore, slots);
  }
  return slots;
}

export async function processOutputs(input: ProcessOutputsInput): Promise<MediaOutput[]> {
  const semaphore = input.semaphore ?? getMediaSemaphore();
  const stored: string[] = [];
  const context: FileContext = { ...input, permits: semaphore, onStore: (path) => stored.push(path) };
  const outputs: MediaOutput[] = [];
  try {
    for (const [index, source] of input.sources.entries()) {
      outputs.push(
        await fileSlots(semaphore).withPermit(() =>
          input.worker
            ? input.worker.processFile(fileTask(input, source, index), stored)
            : processFile(context, source, index),
        ),
      );
    }
    return outputs;
  } catch (error) {
    await removeStored(input, stored);
    throw asMediaError(error);
  }
}

function fileTask(input: ProcessOutputsInput, source: MediaSource, index: number): FileTask {
  return {
    generationId: input.generationId,
    userId: input.userId,
    attempt: input.attempt,
    kind: input.kind,
    allowedHosts: input.allowedHosts,
    limits: input.limits,
    source,
    index,
  };
}

async function removeStored(input: ProcessOutputsInput, stored: string[]): Promise<void> {
  if (stored.length === 0) return;
  try {
    await input.storage.delete(stored);
  } catch (error) {
    (input.log ?? rootLog).error("media cleanup failed", {
      generationId: input.generationId,
      paths: stored,
      error,
    });
  }
}
