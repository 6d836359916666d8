// A copy of a stream written to a file as the bytes pass (with backpressure: the stream waits
// for the disk), so a video goes to storage and to ffmpeg's scratch file in one pass and is
// never held in memory. A failed copy only costs the stills: the stream itself carries on.
import { createWriteStream, type WriteStream } from "node:fs";

export class FileCopy {
  readonly #file: WriteStream;
  #error: Error | null = null;
  #resume: (() => void) | null = null;

  constructor(path: string) {
    this.#file = createWriteStream(path);
    this.#file.on("error", (error) => {
      this.#error ??= error;
      this.#wake();
    });
    this.#file.on("drain", () => this.#wake());
  }

  /** Calls `next` once the chunk is taken (at once, unless the disk is behind). */
  write(chunk: Buffer, next: () => void): void {
    if (this.#error || this.#file.write(chunk)) next();
    else this.#resume = next;
  }

  /** Finishes the file; resolves with why the copy is unusable, or null when it is whole. */
  close(): Promise<Error | null> {
    if (this.#error) return Promise.resolve(this.#error);
    return new Promise((resolve) => {
      this.#file.end(() => resolve(this.#error));
      this.#file.once("error", (error) => resolve(error));
    });
  }

  /** Abandons the copy (the stream failed); the scratch folder goes with it. */
  destroy(): void {
    this.#file.destroy();
    this.#wake();
  }

  #wake(): void {
    const resume = this.#resume;
    this.#resume = null;
    resume?.();
  }
}
