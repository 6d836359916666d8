// Benchmarks run the production build against a fresh embedded Postgres, like the API tests,
// and sample the server's memory from /proc. They measure; they do not assert.
import { readFileSync } from "node:fs";
import path from "node:path";
import postgres, { type Sql } from "postgres";
import { assertBuilt, startNextServer } from "../lib/next-server";
import { freePort } from "../lib/ports";
import { startScratchPostgres } from "../lib/scratch-postgres";

export { freePort };

export const SESSION_SECRET = "bench-session-secret-0123456789abcdef0123456789";

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
      ...(process.env.UV_THREADPOOL_SIZE && { UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE }),
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

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim();
      for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
    } catch {
      // the process ended between reads
    }
  };
  visit(pid);
  return total;
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
