// Applies pending SQL migrations from supabase/migrations in name order, each in its own
// transaction, recorded in schema_migrations, after the job queue's own schema
// (graphile_worker, installed and upgraded by the library). Used by `npm run db:migrate`, the
// dev script and the test setup; the app itself never migrates at request time.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";
import type { Sql } from "postgres";

export const MIGRATIONS_DIR = path.join(process.cwd(), "supabase", "migrations");
const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+\.sql$/;
// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_KEY = 727_001;

// On Supabase the Data API roles get every privilege on a new public table by default (older
// projects), so the bookkeeping table is locked the moment it exists: row level security on,
// nothing for anon or authenticated. The roles may not exist yet on a plain Postgres; the
// first migration creates them, and a later one locks every table again.
const LOCK_SCHEMA_MIGRATIONS = `
alter table public.schema_migrations enable row level security;
do $$
declare api_role text;
begin
  foreach api_role in array array['anon', 'authenticated'] loop
    if exists (select 1 from pg_roles where rolname = api_role) then
      execute format('revoke all on public.schema_migrations from %I', api_role);
    end if;
  end loop;
end $$;`;

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".sql"));
  const invalid = names.filter((name) => !MIGRATION_NAME.test(name));
  if (invalid.length > 0)
    throw new Error(`Migration names must look like <14-digit timestamp>_<name>.sql: ${invalid.join(", ")}`);
  return names.sort();
}

/**
 * The queue's schema first: our migrations and triggers enqueue jobs with
 * graphile_worker.add_job(). The library takes its own lock, so concurrent starts are safe.
 */
export async function migrateJobQueue(sql: Sql): Promise<void> {
  const pool = new pg.Pool({ ...pgConnection(sql), max: 2 });
  // Errors reach the caller through runMigrations; these only keep a dropped idle client quiet.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  try {
    await runMigrations({ pgPool: pool, logger: quietLogger });
  } finally {
    await pool.end();
  }
}

// Only problems are worth a line; the library narrates every step at info level.
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[jobs] ${message}`);
});

/** node-postgres settings for the server a postgres.js client points at. */
export function pgConnection(sql: Sql): pg.PoolConfig {
  const o = sql.options;
  return {
    host: o.host[0],
    port: o.port[0],
    user: o.user,
    password: typeof o.pass === "string" ? o.pass : undefined,
    database: o.database,
    // postgres.js takes `ssl: "require"` and the like; node-postgres wants an object.
    ssl: o.ssl ? (typeof o.ssl === "object" ? o.ssl : { rejectUnauthorized: false }) : undefined,
  };
}

export async function migrate(sql: Sql, dir = MIGRATIONS_DIR): Promise<string[]> {
  await migrateJobQueue(sql);
  await sql`create table if not exists public.schema_migrations (
    name text primary key,
    applied_at timestamptz not null default now()
  )`;
  await sql.unsafe(LOCK_SCHEMA_MIGRATIONS);
  const applied: string[] = [];
  await sql.begin(async (tx) => {
    // Two processes starting at once must not apply the same migration twice.
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
    const done = new Set(
      (await tx<{ name: string }[]>`select name from public.schema_migrations`).map((r) => r.name),
    );
    for (const name of await listMigrations(dir)) {
      if (done.has(name)) continue;
      const body = await readFile(path.join(dir, name), "utf8");
      await tx.savepoint(async (sp) => {
        await sp.unsafe(body);
        await sp`insert into public.schema_migrations (name) values (${name})`;
      });
      applied.push(name);
    }
  });
  return applied;
}
