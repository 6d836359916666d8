import "server-only";
import postgres, { type Sql } from "postgres";
import { databaseUrl, mode } from "@/lib/env";

// One pool per process; kept on globalThis so dev reloads do not open a new pool each time.
const globalForDb = globalThis as unknown as { atelierSql?: Sql };

export const sql: Sql =
  globalForDb.atelierSql ??
  postgres(databaseUrl(), {
    max: 10,
    idle_timeout: 20,
    connect_timeout: 10,
    // Supabase's transaction pooler has no prepared statements.
    prepare: mode.database === "embedded",
    onnotice: () => {},
    transform: { undefined: null },
  });

globalForDb.atelierSql = sql;
