// Benchmarks run the production build against a fresh embedded Postgres, like the API tests,
// and sample the server's memory from /proc. They measure; they do not assert.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import postgres, { type Sql } from "postgres";
import { assertBuilt, startNextServer } from "../lib/next-server";
import { freePort } from "../lib/ports";
import { startScratchPostgres } from "../lib/scratch-postgres";

export { freePort };

export const SESSION_SECRET = "bench-session-secret-0123456789abcdef0123456789";

const TUNING_VARIABLES = ["UV_THREADPOOL_SIZE", "MALLOC_ARENA_MAX", "VIPS_CONCURRENCY"];

export type BenchApp = { url: string; sql: Sql; pid: number; dataDir: string; stop: () => Promise<void> };

export async function startBenchApp(env: Record<string, string>): Promise<BenchApp> {
  assertBuilt();
  const pg = await startScratchPostgres("bench");
  const sql = postgres(pg.url(), { max: 10, onnotice: () => {} });
  const port = await freePort();
  const dataDir = path.join(pg.dir, "data");
  const server = await startNextServer({
    port,
    env: {
      DATABASE_URL: pg.url(),
      DATABASE_EMBEDDED: "1",
      SESSION_SECRET,
      APP_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      // A production server will not start without a way to deliver sign-in codes; benchmarks
      // sign in with sessions made in the database and never send mail.
      SMTP_URL: "smtp://127.0.0.1:9",
      // e.g. BENCH_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
      ...(process.env.BENCH_NODE_OPTIONS && { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS }),
      // Process-level tuning read at start by libuv, glibc or libvips, passed through to try them.
      ...Object.fromEntries(
        TUNING_VARIABLES.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
      ),
      ...env,
    },
  });
  return {
    url: server.url,
    sql,
    pid: server.pid,
    dataDir,
    stop: async () => {
      await server.stop();
      await sql.end();
      await pg.stop();
    },
  };
}

/** Calls `visit` with a process and each of its descendants (Linux /proc). */
function eachInTree(pid: number, visit: (pid: number) => void): void {
  try {
    visit(pid);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    for (const c of children ? children.split(/\s+/) : []) eachInTree(Number(c), visit);
  } catch {
    // the process ended between reads
  }
}

/** Resident memory of a process and all its descendants, in bytes. */
export function treeRss(pid: number): number {
  let total = 0;
  eachInTree(pid, (p) => {
    const status = readFileSync(`/proc/${p}/status`, "utf8");
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  });
  return total;
}

const TICKS_PER_SECOND = 100;

/** CPU seconds used so far by a process and its live descendants, all threads, user + system. */
export function treeCpu(pid: number): number {
  let ticks = 0;
  eachInTree(pid, (p) => {
    const stat = readFileSync(`/proc/${p}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
  });
  return ticks / TICKS_PER_SECOND;
}

/** CPU seconds by thread name; `since` gives what each name used after an earlier reading. */
export type ThreadCpu = {
  byThread: Map<string, { name: string; seconds: number }>;
  since(earlier: ThreadCpu): Map<string, number>;
};

/**
 * CPU seconds of each thread across a process tree, for seeing where a run's CPU went (threads
 * of one kind, e.g. libvips workers or the libuv pool, share a name). A thread that ends between
 * two readings takes its seconds with it: compare the sum with treeCpu.
 */
export function threadCpu(pid: number): ThreadCpu {
  const byThread = new Map<string, { name: string; seconds: number }>();
  eachInTree(pid, (p) => {
    for (const tid of readdirSync(`/proc/${p}/task`)) {
      try {
        const name = readFileSync(`/proc/${p}/task/${tid}/comm`, "utf8").trim();
        const stat = readFileSync(`/proc/${p}/task/${tid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        byThread.set(`${p}/${tid}`, {
          name,
          seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
        });
      } catch {
        // the thread ended between reads
      }
    }
  });
  return {
    byThread,
    since(earlier) {
      const byName = new Map<string, number>();
      for (const [tid, { name, seconds }] of byThread) {
        const used = seconds - (earlier.byThread.get(tid)?.seconds ?? 0);
        byName.set(name, (byName.get(name) ?? 0) + used);
      }
      return byName;
    },
  };
}

/** This machine's one-minute load average. */
export const loadAverage = () => Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);

/** Samples the load average while something runs: what else the machine was doing meanwhile. */
export function sampleLoad(everyMs = 1000) {
  const samples = [loadAverage()];
  const timer = setInterval(() => samples.push(loadAverage()), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      samples.push(loadAverage());
      return {
        mean: samples.reduce((a, b) => a + b, 0) / samples.length,
        max: Math.max(...samples),
      };
    },
  };
}

export function sampleRss(pid: number, everyMs = 50) {
  let peak = treeRss(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
  }, everyMs);
  const stop = () => {
    clearInterval(timer);
    return peak;
  };
  return { stop, peak: () => peak };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
