// What the Supabase Data API (PostgREST) could reach with the public key or a user's token,
// on a database with Supabase's default privileges: every public table keeps row level
// security on, `anon` holds no privilege at all, and `authenticated` holds only what the
// read-own policies need (SELECT where a policy lets them select, UPDATE where one lets them
// update). The server itself connects as the owner and is not affected.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "../../lib/db/migrate";
import { shapeLikeSupabase } from "../../scripts/lib/supabase-shape";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const TABLE_PRIVILEGES = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"];

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ supabase: true });
});
afterAll(() => db?.drop());

type Relation = { name: string; kind: string; rls: boolean };

async function publicRelations(sql = db.sql): Promise<Relation[]> {
  return sql<Relation[]>`
    select c.relname as name, c.relkind::text as kind, c.relrowsecurity as rls
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
    order by c.relname`;
}

/** Every privilege `role` holds on a relation, table-wide or on any column. */
async function privileges(role: string, table: string, sql = db.sql): Promise<string[]> {
  const held: string[] = [];
  for (const privilege of TABLE_PRIVILEGES) {
    const [row] = await sql<{ table: boolean; column: boolean }[]>`
      select has_table_privilege(${role}, ${`public.${table}`}, ${privilege}) as table,
             ${["SELECT", "INSERT", "UPDATE", "REFERENCES"].includes(privilege)}
               and has_any_column_privilege(${role}, ${`public.${table}`}, ${privilege}) as column`;
    if (row?.table || row?.column) held.push(privilege);
  }
  return held;
}

/** The commands the policies of a table grant `role`, as privilege names. */
async function policyCommands(role: string, table: string): Promise<string[]> {
  const rows = await db.sql<{ cmd: string }[]>`
    select cmd from pg_policies
    where schemaname = 'public' and tablename = ${table} and ${role} = any(roles)`;
  const commands = new Set<string>();
  for (const { cmd } of rows) {
    if (cmd === "ALL") for (const c of ["SELECT", "INSERT", "UPDATE", "DELETE"]) commands.add(c);
    else commands.add(cmd);
  }
  return [...commands].sort();
}

describe("on a database with Supabase's default privileges", () => {
  it("has the tables under test (the template really is Supabase-shaped)", async () => {
    const names = (await publicRelations()).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["profiles", "generations", "schema_migrations"]));
    const [fk] = await db.sql`
      select 1 from pg_constraint where conname = 'profiles_id_fkey'
        and confrelid = 'auth.users'::regclass`;
    expect(fk).toBeDefined();
  });

  it("keeps row level security on for every public table", async () => {
    const tables = (await publicRelations()).filter((r) => r.kind === "r" || r.kind === "p");
    expect(tables.filter((t) => !t.rls).map((t) => t.name)).toEqual([]);
  });

  it("gives anon no privilege on any public table or view", async () => {
    const held: Record<string, string[]> = {};
    for (const { name } of await publicRelations()) {
      const granted = await privileges("anon", name);
      if (granted.length) held[name] = granted;
    }
    expect(held).toEqual({});
  });

  it("gives authenticated only what the read-own policies need", async () => {
    const excess: Record<string, string[]> = {};
    for (const { name } of await publicRelations()) {
      const allowed = await policyCommands("authenticated", name);
      const extra = (await privileges("authenticated", name)).filter((p) => !allowed.includes(p));
      if (extra.length) excess[name] = extra;
    }
    expect(excess).toEqual({});
    // ...and those policies still work: a user can read their own profile.
    expect(await privileges("authenticated", "profiles")).toEqual(["SELECT", "UPDATE"]);
  });

  it("lets neither role use public sequences or call public functions", async () => {
    const reachable = await db.sql<{ name: string; role: string }[]>`
      select p.proname as name, r.role from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      cross join (values ('anon'), ('authenticated')) as r(role)
      where n.nspname = 'public' and has_function_privilege(r.role, p.oid, 'EXECUTE')
      union all
      select c.relname, r.role from pg_class c join pg_namespace n on n.oid = c.relnamespace
      cross join (values ('anon'), ('authenticated')) as r(role)
      where n.nspname = 'public' and c.relkind = 'S'
        and has_sequence_privilege(r.role, c.oid, 'USAGE, SELECT, UPDATE')`;
    expect(reachable).toEqual([]);
  });

  it("locks schema_migrations the moment the migrator creates it, before any migration runs", async () => {
    const name = `shape_${Date.now().toString(36)}`;
    const admin = postgres(inject("pgAdminUrl"), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const sql = postgres(inject("pgAdminUrl").replace(/\/postgres$/, `/${name}`), {
      max: 1,
      onnotice: () => {},
    });
    const empty = await mkdtemp(path.join(tmpdir(), "atelier-no-migrations-"));
    try {
      await shapeLikeSupabase(sql);
      await migrate(sql, empty);
      const [table] = (await publicRelations(sql)).filter((r) => r.name === "schema_migrations");
      expect(table?.rls).toBe(true);
      expect(await privileges("anon", "schema_migrations", sql)).toEqual([]);
      expect(await privileges("authenticated", "schema_migrations", sql)).toEqual([]);
    } finally {
      await sql.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
