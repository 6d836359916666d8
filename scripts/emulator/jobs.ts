// In-memory jobs and their timers. The emulator stands in for remote services, so its state
// lives in this process on purpose; nothing here is app state.
import { type Controls, FAILURE_MESSAGE, jobDurationMs } from "./controls";
import { isoNow } from "./http";

export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "canceled";

export interface Job<TOutput> {
  id: string;
  status: JobStatus;
  controls: Controls;
  createdAt: string;
  startedAt?: string;
  completedAt?: string;
  logs: string[];
  output?: TOutput;
  error?: string;
}

export interface Lifecycle<TOutput> {
  onRunning?: () => void;
  /** Generates the outputs. A throw fails the job with the error's message. */
  produce: () => Promise<TOutput>;
  /** Outputs exist; the job is still running (Replicate's `output` event). */
  onOutput?: () => void;
  onTerminal?: () => void;
}

export const isTerminal = (status: JobStatus) =>
  status === "succeeded" || status === "failed" || status === "canceled";

export function newJob<TOutput>(id: string, controls: Controls): Job<TOutput> {
  return { id, status: "queued", controls, createdAt: isoNow(), logs: [] };
}

/** Keeps the newest `max` entries; old jobs fall out like provider data retention. */
export function remember<V>(map: Map<string, V>, key: string, value: V, max = 5000): void {
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= max) break;
    map.delete(oldest);
  }
}

export class JobRunner {
  private readonly timers = new Map<string, NodeJS.Timeout[]>();
  private readonly lifecycles = new Map<string, Lifecycle<unknown>>();
  private readonly waiters = new Map<string, Array<() => void>>();
  private closed = false;

  constructor(private readonly speedFactor: number) {}

  /** Runs the job: running at 30% of its duration, outputs and a terminal state at 100%. */
  start<TOutput>(job: Job<TOutput>, lifecycle: Lifecycle<TOutput>): void {
    const total = jobDurationMs(job.controls) * this.speedFactor;
    this.lifecycles.set(job.id, lifecycle as Lifecycle<unknown>);
    const running = setTimeout(() => {
      if (job.status !== "queued") return;
      job.status = "running";
      job.startedAt = isoNow();
      job.logs.push(`Starting prediction ${job.id}`);
      lifecycle.onRunning?.();
    }, total * 0.3);
    const finish = setTimeout(() => void this.finish(job, lifecycle), total);
    this.timers.set(job.id, [running, finish]);
  }

  cancel<TOutput>(job: Job<TOutput>): boolean {
    if (isTerminal(job.status)) return false;
    job.status = "canceled";
    job.completedAt = isoNow();
    job.logs.push("Prediction canceled");
    this.settle(job);
    return true;
  }

  /** Resolves when the job is terminal or after `ms`, whichever comes first. */
  waitForTerminal<TOutput>(job: Job<TOutput>, ms: number): Promise<void> {
    if (isTerminal(job.status)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      const list = this.waiters.get(job.id) ?? [];
      list.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.waiters.set(job.id, list);
    });
  }

  close(): void {
    this.closed = true;
    for (const timers of this.timers.values()) timers.forEach(clearTimeout);
    this.timers.clear();
    for (const list of this.waiters.values()) for (const wake of list) wake();
    this.waiters.clear();
  }

  private async finish<TOutput>(job: Job<TOutput>, lifecycle: Lifecycle<TOutput>): Promise<void> {
    if (isTerminal(job.status) || this.closed) return;
    if (job.status === "queued") {
      job.status = "running";
      job.startedAt = isoNow();
      lifecycle.onRunning?.();
    }
    if (job.controls.fail) {
      job.status = "failed";
      job.error = FAILURE_MESSAGE;
      job.logs.push(`Error: ${FAILURE_MESSAGE}`);
    } else {
      try {
        const output = await lifecycle.produce();
        if (isTerminal(job.status) || this.closed) return; // canceled while generating
        job.output = output;
        job.logs.push("Generated output");
        lifecycle.onOutput?.();
        job.status = "succeeded";
      } catch (error) {
        if (isTerminal(job.status) || this.closed) return;
        job.status = "failed";
        job.error = (error as Error).message;
      }
    }
    job.completedAt = isoNow();
    this.settle(job);
  }

  private settle<TOutput>(job: Job<TOutput>): void {
    this.timers.get(job.id)?.forEach(clearTimeout);
    this.timers.delete(job.id);
    const lifecycle = this.lifecycles.get(job.id);
    this.lifecycles.delete(job.id);
    for (const wake of this.waiters.get(job.id) ?? []) wake();
    this.waiters.delete(job.id);
    lifecycle?.onTerminal?.();
  }
}
