// Starts the production build (`next start`) against a fresh database, over real HTTP,
// the way it runs in production. One app per test file; env overrides select a mode.
// Mail goes over SMTP to a capture server of the app's own (tests/helpers/mail-capture.ts).
// Supabase mode gets a database shaped like a Supabase project, and a Supabase Auth stand-in
// named by NEXT_PUBLIC_SUPABASE_URL writes its users into it, as Supabase Auth does.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { assertBuilt, startNextServer } from "../../scripts/lib/next-server";
import { freePort } from "../../scripts/lib/ports";
import { createTestDatabase, type TestDatabase } from "./db";
import { forgetMailCapture, type MailCapture, registerMailCapture, startMailCapture } from "./mail-capture";
import { attachStandInDatabase } from "./supabase-auth-stand-in";

export const TEST_SESSION_SECRET = "test-session-secret-0123456789abcdef0123456789";

export type TestApp = {
  url: string;
  /** The server process, e.g. to read its memory from /proc. */
  pid: number;
  db: TestDatabase;
  dataDir: string;
  mail: MailCapture;
  logs: () => string;
  stop: () => Promise<void>;
};

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
  const cleanup = async () => {
    forgetMailCapture(url);
    await mail.close();
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const server = await startNextServer({
      port,
      env: {
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
      },
    });
    return {
      url: server.url,
      pid: server.pid,
      db,
      dataDir,
      mail,
      logs: server.logs,
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
