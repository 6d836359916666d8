// Runs the production build (`next start`) as a child process on a given port and waits for
// /api/health — shared by the API tests, the end-to-end setup and the benchmarks.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import path from "node:path";
import { withServerMemorySettings } from "./server-memory";
import { textTail } from "./text-tail";

/** How much of the server's output `logs()` keeps: its last this many characters. */
const LOG_TAIL_CHARS = 200_000;

export type NextServer = { url: string; pid: number; logs: () => string; stop: () => Promise<void> };

export function assertBuilt(): void {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID")))
    throw new Error("No production build: run `npm run build` first (npm test does).");
}

/** `env` is the whole environment of the server, beyond PATH and HOME: nothing else leaks in. */
export async function startNextServer(options: {
  port: number;
  env: Record<string, string>;
  echo?: boolean;
  /** Also appends everything the server prints to this file (its JSON log lines, for tests). */
  logFile?: string;
}): Promise<NextServer> {
  assertBuilt();
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    "node_modules/.bin/next",
    ["start", "--port", String(options.port), "--hostname", "127.0.0.1"],
    {
      // The memory settings of a production server, so tests and benchmarks run what ships.
      env: withServerMemorySettings({
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        ...(process.env.NEXT_DIST_DIR && { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR }),
        ...options.env,
      }),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output = textTail(LOG_TAIL_CHARS);
  const file = options.logFile ? createWriteStream(options.logFile, { flags: "a" }) : null;
  child.once("exit", () => file?.end());
  const collect = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (options.echo) process.stderr.write(chunk);
    file?.write(chunk);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  await waitForHealth(url, child, output.text);
  return { url, pid: child.pid ?? 0, logs: output.text, stop: () => stopChild(child) };
}

async function waitForHealth(url: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${logs()}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 150));
  }
  child.kill("SIGKILL");
  throw new Error(`app did not become healthy:\n${logs()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
