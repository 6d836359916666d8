// A throwaway PostgreSQL in a temp dir with one migrated database: for the end-to-end setup,
// the benchmarks and the test template. Stopping it removes everything.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { migrate } from "../../lib/db/migrate";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { freePort } from "./ports";

export type ScratchPostgres = {
  /** Connection string of `database` (or another database on the same server). */
  url: (database?: string) => string;
  /** A folder beside the database for the app's own data. */
  dir: string;
  stop: () => Promise<void>;
};

export async function startScratchPostgres(database: string): Promise<ScratchPostgres> {
  const dir = await mkdtemp(path.join(tmpdir(), "atelier-pg-"));
  // When run as root, Postgres runs as the `postgres` user, which must reach the data dir.
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, "pg"),
    port: await freePort(),
    persistent: false,
  });
  const admin = postgres(server.url("postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${database}"`);
  await admin.end();
  const sql = postgres(server.url(database), { max: 1, onnotice: () => {} });
  await migrate(sql);
  await sql.end();
  return {
    url: (name = database) => server.url(name),
    dir,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
