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
  /** When each line of `logs` was written (fal reports a timestamp per line). */
  logTimes: string[];
  output?: TOutput;
  error?: string;
}

export interface Lifecycle<TOutput> {
  onRunning?: () => void;
  /** A line was added to the job's logs while it runs (Replicate's `logs` event). */
  onLog?: () => void;
  /** Generates the outputs. A throw fails the job with the error's message. */
  produce: () => Promise<TOutput>;
  /** Outputs exist; the job is still running (Replicate's `output` event). */
  onOutput?: () => void;
  onTerminal?: () => void;
}

export const isTerminal = (status: JobStatus) =>
  status === "succeeded" || status === "failed" || status === "canceled";

export function newJob<TOutput>(id: string, controls: Controls): Job<TOutput> {
  return { id, status: "queued", controls, createdAt: isoNow(), logs: [], logTimes: [] };
}

export function appendLog<TOutput>(job: Job<TOutput>, line: string): void {
  job.logs.push(line);
  job.logTimes.push(isoNow());
}

/** Denoising steps a `[slow]` job reports, the way diffusion models print them with tqdm. */
export const SLOW_STEPS = 20;

/** tqdm's default line: ` 45%|████▌     | 9/20 [00:04<00:05,  2.10it/s]`. */
export function tqdmLine(step: number, total: number, elapsedSeconds: number): string {
  const fraction = step / total;
  const filled = Math.floor(fraction * 10);
  const bar = "█".repeat(filled) + (filled < 10 ? " ".repeat(10 - filled) : "");
  const rate = elapsedSeconds > 0 ? step / elapsedSeconds : 0;
  const remaining = rate > 0 ? (total - step) / rate : 0;
  const clock = (s: number) =>
    `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(Math.round(s % 60)).padStart(2, "0")}`;
  const percent = String(Math.round(fraction * 100)).padStart(3);
  return `${percent}%|${bar}| ${step}/${total} [${clock(elapsedSeconds)}<${clock(remaining)}, ${rate.toFixed(2)}it/s]`;
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
      appendLog(job, `Starting prediction ${job.id}`);
      lifecycle.onRunning?.();
      lifecycle.onLog?.();
    }, total * 0.3);
    const finish = setTimeout(() => void this.finish(job, lifecycle), total);
    // `[slow]`: progress lines from the start of the run to just before the end, like a model's.
    const steps = job.controls.slow
      ? Array.from({ length: SLOW_STEPS + 1 }, (_, step) =>
          setTimeout(
            () => {
              if (job.status !== "running") return;
              const elapsed = (Date.now() - Date.parse(job.startedAt ?? job.createdAt)) / 1000;
              appendLog(job, tqdmLine(step, SLOW_STEPS, elapsed));
              lifecycle.onLog?.();
            },
            total * (0.3 + (0.65 * step) / SLOW_STEPS) + 1,
          ),
        )
      : [];
    this.timers.set(job.id, [running, finish, ...steps]);
  }

  cancel<TOutput>(job: Job<TOutput>): boolean {
    if (isTerminal(job.status)) return false;
    job.status = "canceled";
    job.completedAt = isoNow();
    appendLog(job, "Prediction canceled");
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
      appendLog(job, `Error: ${FAILURE_MESSAGE}`);
    } else {
      try {
        const output = await lifecycle.produce();
        if (isTerminal(job.status) || this.closed) return; // canceled while generating
        job.output = output;
        appendLog(job, "Generated output");
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
