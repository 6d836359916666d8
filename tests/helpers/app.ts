// Starts the production build (`next start`) against a fresh database, over real HTTP,
// the way it runs in production. One app per test file; env overrides select a mode.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "./db";
import { freePort } from "./ports";

export const TEST_SESSION_SECRET = "test-session-secret-0123456789abcdef0123456789";

export type TestApp = {
  url: string;
  db: TestDatabase;
  dataDir: string;
  logs: () => string;
  stop: () => Promise<void>;
};

export async function startApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  if (!existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID")))
    throw new Error("No production build: run `npm run build` first (npm test does).");
  const db = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), "atelier-app-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: db.url,
    DATABASE_EMBEDDED: "1",
    SESSION_SECRET: TEST_SESSION_SECRET,
    APP_URL: url,
    DATA_DIR: dataDir,
    ...(process.env.NEXT_DIST_DIR && { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR }),
    ...overrides,
  };
  const child = spawn(
    "node_modules/.bin/next",
    ["start", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  await waitForHealth(url, child, () => output);
  return {
    url,
    db,
    dataDir,
    logs: () => output,
    stop: async () => {
      await stopChild(child);
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${logs()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
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
