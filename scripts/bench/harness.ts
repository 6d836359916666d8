// Benchmarks run the production build against a fresh embedded Postgres, like the API tests,
// and sample the server's memory from /proc. They measure; they do not assert.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres, { type Sql } from "postgres";
import { migrate } from "../../lib/db/migrate";
import { startEmbeddedPostgres } from "../lib/embedded-postgres";

export const SESSION_SECRET = "bench-session-secret-0123456789abcdef0123456789";

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export type BenchApp = { url: string; sql: Sql; pid: number; stop: () => Promise<void> };

export async function startBenchApp(env: Record<string, string>): Promise<BenchApp> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID")))
    throw new Error("No production build: run `npm run build` first.");
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
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    "node_modules/.bin/next",
    ["start", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: distDir,
        DATABASE_URL: pg.url("bench"),
        DATABASE_EMBEDDED: "1",
        SESSION_SECRET,
        APP_URL: url,
        DATA_DIR: path.join(dir, "data"),
        ...env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  await waitForHealth(url, child);
  return {
    url,
    sql,
    pid: child.pid ?? 0,
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
      await sql.end();
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error("app exited");
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("app did not start");
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
