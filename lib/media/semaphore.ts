// A counting semaphore with FIFO waiters. Media processing goes through one process-wide
// instance, so memory per instance stays bounded however many webhooks arrive at once
// (unbounded parallel sharp work once took a server down with OOM).
import { env } from "@/lib/env";

export class Semaphore {
  #limit: number;
  #active = 0;
  readonly #waiters: Array<() => void> = [];

  constructor(limit: number) {
    this.#limit = checkLimit(limit);
  }

  get limit(): number {
    return this.#limit;
  }

  /**
   * Changes the limit. Raising it admits
   * waiters at once; lowering it lets running work finish and admits no one until below it.
   */
  setLimit(limit: number): void {
    this.#limit = checkLimit(limit);
    while (this.#active < this.#limit) {
      const next = this.#waiters.shift();
      if (!next) break;
      this.#active++;
      next();
    }
  }

  /** Permits currently held. */
  get active(): number {
    return this.#active;
  }

  /** Callers queued for a permit. */
  get waiting(): number {
    return this.#waiters.length;
  }

  /** Resolves with a release function once a permit is held; calling release twice is harmless. */
  async acquire(): Promise<() => void> {
    if (this.#active < this.limit) this.#active++;
    // A released permit is handed straight to the oldest waiter (active stays the same),
    // so a newcomer can never overtake the queue.
    else await new Promise<void>((resolve) => this.#waiters.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#release();
    };
  }

  /** Runs `fn` while holding a permit, releasing it however `fn` ends. */
  async withPermit<T>(fn: () => T | Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  #release(): void {
    const next = this.#active <= this.#limit ? this.#waiters.shift() : undefined;
    if (next) next();
    else this.#active--;
  }
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`Semaphore limit must be a positive integer, got ${limit}.`);
  return limit;
}

// Kept on globalThis so every bundle that includes this module in one process (Next.js can
// evaluate a module once per route bundle, and again on dev reloads) shares the same permits.
const GLOBAL_KEY = Symbol.for("atelier.mediaSemaphore");
type WithSemaphore = typeof globalThis & { [GLOBAL_KEY]?: Semaphore };

/**
 * The process-wide media semaphore, limited by MAX_CONCURRENT_MEDIA from env when first made,
 * so every user of it (outputs, uploads) gets the configured limit whoever imports it first.
 */
export function getMediaSemaphore(): Semaphore {
  const holder = globalThis as WithSemaphore;
  holder[GLOBAL_KEY] ??= new Semaphore(env.MAX_CONCURRENT_MEDIA);
  return holder[GLOBAL_KEY];
}

export const mediaSemaphore: Semaphore = getMediaSemaphore();
