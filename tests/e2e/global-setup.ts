// Starts the production build on E2E_PORT against a real, freshly migrated Postgres.
import path from "node:path";
import { providerUrlsOf, startEmulator } from "../../scripts/emulator/server";
import { startNextServer } from "../../scripts/lib/next-server";
import { startScratchPostgres } from "../../scripts/lib/scratch-postgres";
import { startMailCapture } from "../helpers/mail-capture";

export default async function globalSetup() {
  const port = Number(process.env.E2E_PORT || 3977);
  const pg = await startScratchPostgres("atelier_e2e");

  // Mail: a capture SMTP server; the workers read what it received from E2E_MAIL_FILE.
  const mailFile = path.join(pg.dir, "mail.jsonl");
  const mail = await startMailCapture({ file: mailFile });
  process.env.E2E_MAIL_FILE = mailFile;

  // Providers: the emulator, fast enough that a generation finishes in about a second.
  const emulator = await startEmulator({ port: 0, speedFactor: 0.5 });

  // The server's JSON log lines, for specs that measure against its own timestamps.
  const serverLog = path.join(pg.dir, "server.log");
  process.env.E2E_SERVER_LOG = serverLog;

  const app = await startNextServer({
    port,
    echo: true,
    logFile: serverLog,
    env: {
      DATABASE_URL: pg.url(),
      DATABASE_EMBEDDED: "1",
      SESSION_SECRET: "e2e-session-secret-0123456789abcdef0123456789",
      APP_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: path.join(pg.dir, "data"),
      // A second admin for the accessibility walk: each address may ask for only five codes
      // in fifteen minutes, and the other specs sign admin@example.com in four times.
      ADMIN_EMAILS: "admin@example.com,auditor@example.com",
      SMTP_URL: mail.url,
      // The tests stand in for the proxy: a browser context may name its client in X-Forwarded-For.
      TRUSTED_PROXIES: "127.0.0.1",
      ...providerUrlsOf(emulator),
      CRON_SECRET: "e2e-cron-secret-0123456789",
    },
  });

  return async () => {
    await app.stop();
    await emulator.close();
    await mail.close();
    await pg.stop();
  };
}
