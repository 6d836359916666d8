// Starts the production build on E2E_PORT against a real, freshly migrated Postgres.
import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { migrate } from "../../lib/db/migrate";
import { startEmulator } from "../../scripts/emulator/server";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { freePort } from "../helpers/ports";

export default async function globalSetup() {
  const port = Number(process.env.E2E_PORT || 3977);
  const dir = await mkdtemp(path.join(tmpdir(), "atelier-e2e-"));
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dir, "pg"),
    port: await freePort(),
    persistent: false,
  });
  const admin = postgres(pg.url("postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe("create database atelier_e2e");
  await admin.end();
  const sql = postgres(pg.url("atelier_e2e"), { max: 1, onnotice: () => {} });
  await migrate(sql);
  await sql.end();

  // Providers: the emulator, fast enough that a generation finishes in about a second.
  const emulator = await startEmulator({ port: 0, speedFactor: 0.5 });

  const app = spawn("node_modules/.bin/next", ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: pg.url("atelier_e2e"),
      DATABASE_EMBEDDED: "1",
      SESSION_SECRET: "e2e-session-secret-0123456789abcdef0123456789",
      APP_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: path.join(dir, "data"),
      ADMIN_EMAILS: "admin@example.com",
      REPLICATE_BASE_URL: `${emulator.url}/v1`,
      FAL_QUEUE_URL: emulator.url,
      FAL_JWKS_URL: emulator.falJwksUrl,
      GEMINI_BASE_URL: emulator.url,
      CRON_SECRET: "e2e-cron-secret-0123456789",
      ...(process.env.NEXT_DIST_DIR && { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR }),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, app);

  return async () => {
    await new Promise<void>((resolve) => {
      if (app.exitCode !== null) return resolve();
      app.once("exit", () => resolve());
      app.kill("SIGTERM");
    });
    await emulator.close();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

async function waitForHealth(url: string, app: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`app exited with ${app.exitCode}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("app did not become healthy");
}
