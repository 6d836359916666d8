import { describe, expect, it, vi } from "vitest";
import { getMediaSemaphore, mediaSemaphore, Semaphore } from "@/lib/media/semaphore";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("Semaphore", () => {
  it("never runs more than its limit at once", async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let most = 0;
    const work = async () => {
      running++;
      most = Math.max(most, running);
      expect(semaphore.active).toBeLessThanOrEqual(2);
      await tick();
      running--;
    };
    await Promise.all(Array.from({ length: 12 }, () => semaphore.withPermit(work)));
    expect(most).toBe(2);
    expect(semaphore.active).toBe(0);
    expect(semaphore.waiting).toBe(0);
  });

  it("serves waiters first in, first out, and a newcomer cannot overtake the queue", async () => {
    const semaphore = new Semaphore(1);
    const order: string[] = [];
    const task = (name: string) =>
      semaphore.withPermit(async () => {
        order.push(name);
        await tick();
      });
    const first = task("a");
    const queued = [task("b"), task("c"), task("d")];
    await first;
    const late = task("e");
    await Promise.all([...queued, late]);
    expect(order).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("reports active and waiting counts", async () => {
    const semaphore = new Semaphore(2);
    const releases = await Promise.all([semaphore.acquire(), semaphore.acquire()]);
    const third = semaphore.acquire();
    const fourth = semaphore.acquire();
    expect([semaphore.active, semaphore.waiting]).toEqual([2, 2]);
    releases[0]?.();
    const releaseThird = await third;
    expect([semaphore.active, semaphore.waiting]).toEqual([2, 1]);
    releases[1]?.();
    releaseThird();
    (await fourth)();
    expect([semaphore.active, semaphore.waiting]).toEqual([0, 0]);
  });

  it("gives the permit back when the work throws, and a double release is harmless", async () => {
    const semaphore = new Semaphore(1);
    await expect(
      semaphore.withPermit(async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(semaphore.active).toBe(0);
    const release = await semaphore.acquire();
    release();
    release();
    expect(semaphore.active).toBe(0);
    expect(await semaphore.withPermit(() => 42)).toBe(42);
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
    expect(() => new Semaphore(1.5)).toThrow(RangeError);
  });

  it("has one process-wide media instance, limited to 2 by default", () => {
    expect(mediaSemaphore.limit).toBe(2);
    expect(getMediaSemaphore()).toBe(mediaSemaphore);
  });

  it("takes its limit from MAX_CONCURRENT_MEDIA for every importer, not only the outputs pipeline", async () => {
    const key = Symbol.for("atelier.mediaSemaphore");
    const holder = globalThis as Record<symbol, unknown>;
    const saved = holder[key];
    delete holder[key];
    vi.stubEnv("MAX_CONCURRENT_MEDIA", "3");
    vi.resetModules();
    try {
      // The uploads path imports the semaphore without the outputs pipeline ever loading.
      const fresh = await import("@/lib/media/semaphore");
      expect(fresh.mediaSemaphore.limit).toBe(3);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
      holder[key] = saved;
    }
  });

  it("admits waiters when the limit is raised and holds them while it is lowered", async () => {
    const semaphore = new Semaphore(1);
    const first = await semaphore.acquire();
    const second = semaphore.acquire();
    const third = semaphore.acquire();
    semaphore.setLimit(3);
    const [releaseSecond, releaseThird] = await Promise.all([second, third]);
    expect([semaphore.active, semaphore.waiting]).toEqual([3, 0]);

    semaphore.setLimit(1);
    const fourth = semaphore.acquire();
    first();
    releaseSecond();
    expect([semaphore.active, semaphore.waiting]).toEqual([1, 1]); // still at the limit: no hand-off
    releaseThird();
    (await fourth)();
    expect([semaphore.active, semaphore.waiting]).toEqual([0, 0]);
    expect(() => semaphore.setLimit(0)).toThrow(RangeError);
  });
});
