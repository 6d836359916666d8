import "server-only";
// A zip of originals, streamed as it is made: manifest.json first (prompts and parameters,
// written from the database in batches), then each original, one file open at a time and
// stored as is (images and videos are compressed already). Memory stays flat whatever the
// count: rows come in batches, the next file is opened only once the previous one is in the
// archive, and the archive waits while the client reads slowly. A client that goes away
// stops the work.
import { Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { openOriginal } from "@/lib/gallery/open-original";
import { fileNameFor, manifestRecord, zipRows } from "@/lib/gallery/zip-entries";
import type { Logger } from "@/lib/log";

type Archive = InstanceType<typeof ZipArchive>;

/** What may wait between the archive and the response, beside the streams' own buffers. */
const QUEUED_BYTES = 1024 * 1024;

/**
 * Appends one entry and resolves once the archive has consumed all of it. An archive closed
 * meanwhile (the client went away) rejects, and the source is closed with it.
 */
function appendWhole(
  archive: Archive,
  source: Readable | string,
  name: string,
  store: boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      archive.off("entry", onEntry);
      archive.off("error", onError);
      archive.off("close", onClose);
      if (!error) return resolve();
      if (typeof source !== "string") source.destroy();
      reject(error);
    };
    const onEntry = () => settle();
    const onError = (error: Error) => settle(error);
    const onClose = () => settle(new Error("the archive was closed"));
    archive.once("entry", onEntry);
    archive.once("error", onError);
    archive.once("close", onClose);
    archive.append(source, { name, store });
  });
}

async function* manifestText(userId: string, ids: string[]): AsyncGenerator<string> {
  yield '{\n  "generations": [';
  let first = true;
  for await (const rows of zipRows(userId, ids, true)) {
    for (const row of rows) {
      yield `${first ? "" : ","}\n    ${JSON.stringify(manifestRecord(row))}`;
      first = false;
    }
  }
  yield "\n  ]\n}\n";
}

async function fill(archive: Archive, userId: string, ids: string[], signal: AbortSignal, log: Logger) {
  const missing: string[] = [];
  await appendWhole(archive, Readable.from(manifestText(userId, ids)), "manifest.json", false);
  for await (const rows of zipRows(userId, ids, false)) {
    for (const row of rows) {
      for (const [index, output] of row.outputs.entries()) {
        if (signal.aborted || archive.destroyed) return;
        const name = fileNameFor(row, output, index);
        const source = await openOriginal(output.path, signal);
        if (!source) {
          missing.push(name);
          continue;
        }
        await appendWhole(archive, source, name, true);
      }
    }
  }
  if (missing.length) {
    log.warn("zip download: originals missing from storage", { count: missing.length });
    await appendWhole(archive, `${missing.join("\n")}\n`, "missing.txt", false);
  }
  await archive.finalize();
}

/** The zip as a web stream for a Response body. */
export function zipOfGenerations(
  userId: string,
  ids: string[],
  signal: AbortSignal,
  log: Logger,
): ReadableStream<Uint8Array> {
  const archive: Archive = new ZipArchive({ zlib: { level: 6 } });
  const stop = () => archive.abort();
  signal.addEventListener("abort", stop, { once: true });
  fill(archive, userId, ids, signal, log)
    .catch((error: unknown) => {
      if (!signal.aborted && !archive.destroyed) log.error("zip download failed", { error });
      archive.destroy(error instanceof Error ? error : new Error(String(error)));
    })
    .finally(() => signal.removeEventListener("abort", stop));
  // Counted in bytes: the default strategy counts chunks against the node stream's byte
  // high-water mark, which would let thousands of chunks queue up when the client is slower.
  return Readable.toWeb(archive, {
    strategy: new ByteLengthQueuingStrategy({ highWaterMark: QUEUED_BYTES }),
  }) as unknown as ReadableStream<Uint8Array>;
}
