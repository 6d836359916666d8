// Starts the production build on E2E_PORT against a real, freshly migrated Postgres.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { migrate } from "../../lib/db/migrate";
import { startEmulator } from "../../scripts/emulator/server";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { startNextServer } from "../../scripts/lib/next-server";
import { freePort } from "../../scripts/lib/ports";

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

  const app = await startNextServer({
    port,
    echo: true,
    env: {
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
    },
  });

  return async () => {
    await app.stop();
    await emulator.close();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
