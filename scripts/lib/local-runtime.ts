// What `npm run dev` and `npm start` share: the embedded database when DATABASE_URL is unset,
// migrations, a per-machine session secret, and a clean shutdown of everything they started.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { migrate } from "../../lib/db/migrate";
import { startEmulator } from "../emulator/server";
import { ensureDataDir } from "./data-dir";
import { loadDotEnv } from "./dotenv";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres";

export type LocalRuntime = { env: NodeJS.ProcessEnv; stop: () => Promise<void> };

const log = (line: string) => console.log(`[atelier] ${line}`);

export async function prepareLocalRuntime(): Promise<LocalRuntime> {
  loadDotEnv();
  const dataDir = path.resolve(process.env.DATA_DIR || ".data");
  await ensureDataDir(dataDir);
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  const stops: Array<() => Promise<void>> = [];

  if (!env.SESSION_SECRET) env.SESSION_SECRET = await localSecret(path.join(dataDir, "session-secret"));
  if (!env.CRON_SECRET) env.CRON_SECRET = await localSecret(path.join(dataDir, "cron-secret"));
  if (!env.ENCRYPTION_SECRET)
    env.ENCRYPTION_SECRET = await localSecret(path.join(dataDir, "encryption-secret"), "base64");
  env.NEXT_TELEMETRY_DISABLED ??= "1";

  // Providers without a key talk to the emulator, which speaks their wire protocols.
  if (!env.REPLICATE_API_TOKEN || !env.FAL_KEY || !env.GEMINI_API_KEY) {
    const port = Number(env.EMULATOR_PORT || 4010);
    const emulator = await startEmulator({ port, log: (line) => log(`emulator ${line}`) });
    stops.push(() => emulator.close());
    log(`provider emulator on ${emulator.url}`);
  }

  if (!env.DATABASE_URL) {
    const port = Number(env.EMBEDDED_PG_PORT || 54329);
    log(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.join(dataDir, "postgres")})`);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port,
      persistent: true,
    });
    stops.push(server.stop);
    await ensureDatabase(server.url("postgres"), "atelier");
    env.DATABASE_URL = server.url("atelier");
    env.DATABASE_EMBEDDED = "1";
  }

  const sql = postgres(env.DATABASE_URL, { max: 1, prepare: false, onnotice: () => {} });
  try {
    const applied = await migrate(sql);
    log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database is up to date");
  } finally {
    await sql.end();
  }

  return {
    env,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch((error) => log(`shutdown: ${String(error)}`));
    },
  };
}

async function localSecret(file: string, encoding: "hex" | "base64" = "hex"): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString(encoding);
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
