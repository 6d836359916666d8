// A throwaway PostgreSQL in a temp dir with one migrated database: for the end-to-end setup,
// the benchmarks and the test templates. Stopping it removes everything.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { migrate } from "../../lib/db/migrate";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { freePort } from "./ports";
import { shapeLikeSupabase } from "./supabase-shape";

export type ScratchPostgres = {
  /** Connection string of `database` (or another database on the same server). */
  url: (database?: string) => string;
  /** A folder beside the database for the app's own data. */
  dir: string;
  stop: () => Promise<void>;
};

/**
 * `supabaseDatabase` names a second migrated database on the same server that starts out
 * shaped like a Supabase project (scripts/lib/supabase-shape.ts), for Supabase-mode tests.
 */
export async function startScratchPostgres(
  database: string,
  options: { supabaseDatabase?: string } = {},
): Promise<ScratchPostgres> {
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
  if (options.supabaseDatabase) await admin.unsafe(`create database "${options.supabaseDatabase}"`);
  await admin.end();
  await migrateDatabase(server.url(database));
  if (options.supabaseDatabase) await migrateDatabase(server.url(options.supabaseDatabase), true);
  return {
    url: (name = database) => server.url(name),
    dir,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function migrateDatabase(url: string, supabaseShaped = false): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    if (supabaseShaped) await shapeLikeSupabase(sql);
    await migrate(sql);
  } finally {
    await sql.end();
  }
}
