// Benchmarks run the production build against a fresh embedded Postgres, like the API tests,
// and sample the server's memory from /proc. They measure; they do not assert.
import { readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres, { type Sql } from "postgres";
import { migrate } from "../../lib/db/migrate";
import { startEmbeddedPostgres } from "../lib/embedded-postgres";
import { assertBuilt, startNextServer } from "../lib/next-server";
import { freePort } from "../lib/ports";

export { freePort };

export const SESSION_SECRET = "bench-session-secret-0123456789abcdef0123456789";

export type BenchApp = { url: string; sql: Sql; pid: number; stop: () => Promise<void> };

export async function startBenchApp(env: Record<string, string>): Promise<BenchApp> {
  assertBuilt();
  const dir = await mkdtemp(path.join(tmpdir(), "atelier-bench-"));
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dir, "pg"),
    port: await freePort(),
    persistent: false,
  });
  const admin = postgres(pg.url("postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe("create database bench");
  await admin.end();
  const sql = postgres(pg.url("bench"), { max: 10, onnotice: () => {} });
  await migrate(sql);
  const port = await freePort();
  const server = await startNextServer({
    port,
    env: {
      DATABASE_URL: pg.url("bench"),
      DATABASE_EMBEDDED: "1",
      SESSION_SECRET,
      APP_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: path.join(dir, "data"),
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
    stop: async () => {
      await server.stop();
      await sql.end();
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
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
