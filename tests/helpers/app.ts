// Starts the production build (`next start`) against a fresh database, over real HTTP,
// the way it runs in production. One app per test file; env overrides select a mode.
// Mail goes over SMTP to a capture server of the app's own (tests/helpers/mail-capture.ts).
// Supabase mode gets a database shaped like a Supabase project, and a Supabase Auth stand-in
// named by NEXT_PUBLIC_SUPABASE_URL writes its users into it, as Supabase Auth does.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { assertBuilt, type NextServer, startNextServer } from "../../scripts/lib/next-server";
import { freePort } from "../../scripts/lib/ports";
import { createTestDatabase, type TestDatabase } from "./db";
import { forgetMailCapture, type MailCapture, registerMailCapture, startMailCapture } from "./mail-capture";
import { attachStandInDatabase } from "./supabase-auth-stand-in";

export const TEST_SESSION_SECRET = "test-session-secret-0123456789abcdef0123456789";

export type TestApp = {
  url: string;
  /** The server process, e.g. to read its memory from /proc (a new one after restart). */
  readonly pid: number;
  db: TestDatabase;
  dataDir: string;
  mail: MailCapture;
  logs: () => string;
  /** Kills the server at once (SIGKILL), as a crash or an OOM kill would. */
  kill: () => Promise<void>;
  /** Starts `next start` again on the same port, database and data folder. */
  restart: () => Promise<void>;
  /**
   * Another `next start` of the same app (database, data folder, APP_URL) on a port of its own;
   * `overrides` change its env only (e.g. JOB_WORKER=external: it runs no jobs).
   */
  startSibling: (overrides?: Record<string, string>) => Promise<NextServer>;
  stop: () => Promise<void>;
};

async function killProcess(pid: number): Promise<void> {
  process.kill(pid, "SIGKILL");
  // Gone once signal 0 fails; the port is free again at that moment.
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startApp(
  overrides: Record<string, string> = {},
  options: { supabaseDatabase?: boolean } = {},
): Promise<TestApp> {
  assertBuilt();
  const supabaseUrl = overrides.NEXT_PUBLIC_SUPABASE_URL;
  const db = await createTestDatabase({ supabase: options.supabaseDatabase ?? Boolean(supabaseUrl) });
  if (supabaseUrl) await attachStandInDatabase(supabaseUrl, db.sql);
  const dataDir = await mkdtemp(path.join(tmpdir(), "atelier-app-"));
  const mail = await startMailCapture();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  registerMailCapture(url, mail);
  const siblings: NextServer[] = [];
  const cleanup = async () => {
    await Promise.all(siblings.map((sibling) => sibling.stop()));
    forgetMailCapture(url);
    await mail.close();
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const env = {
      DATABASE_URL: db.url,
      DATABASE_EMBEDDED: "1",
      SESSION_SECRET: TEST_SESSION_SECRET,
      APP_URL: url,
      DATA_DIR: dataDir,
      SMTP_URL: mail.url,
      // Tests stand in for the proxy in front: they name the client they act for in
      // X-Forwarded-For, so each case gets its own rate limits (tests/api/client-address.test.ts).
      TRUSTED_PROXIES: "127.0.0.1",
      ...overrides,
    };
    let server = await startNextServer({ port, env });
    let earlierLogs = "";
    return {
      url: server.url,
      get pid() {
        return server.pid;
      },
      db,
      dataDir,
      mail,
      logs: () => earlierLogs + server.logs(),
      kill: async () => {
        await killProcess(server.pid);
      },
      restart: async () => {
        earlierLogs += server.logs();
        server = await startNextServer({ port, env });
      },
      startSibling: async (siblingOverrides = {}) => {
        const sibling = await startNextServer({
          port: await freePort(),
          env: { ...env, ...siblingOverrides },
        });
        siblings.push(sibling);
        return sibling;
      },
      stop: async () => {
        await server.stop();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
