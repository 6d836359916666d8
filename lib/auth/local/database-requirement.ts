// Local sign-in creates its own profiles, but a database prepared for Supabase makes every
// profile reference a Supabase Auth user (profiles.id → auth.users, see the foundation
// migration), so the first local sign-in would fail on that foreign key. Such a server refuses
// to start and says what to set, instead of answering every sign-in with a 500. (Dropping the
// reference in this mode would instead leave profiles that Supabase Auth, the database's own
// sign-in, knows nothing of; one database serves one auth mode.)
import type { Sql } from "postgres";
import type { RuntimeMode } from "@/lib/env";

export const LOCAL_AUTH_ON_SUPABASE =
  "Local sign-in cannot use this database: it is a Supabase database, where every profile must " +
  "belong to a Supabase Auth user (profiles.id references auth.users), so no local sign-in could " +
  "ever create one. Set NEXT_PUBLIC_SUPABASE_URL, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY and " +
  "SUPABASE_SECRET_KEY to sign in with Supabase Auth, or point DATABASE_URL at a plain Postgres. " +
  "See docs/deploy-supabase.md.";

/** The reason this server cannot serve local sign-in on its database, or null when it can. */
export async function localAuthDatabaseProblem(
  mode: Pick<RuntimeMode, "auth">,
  sql: Sql,
): Promise<string | null> {
  if (mode.auth !== "local") return null;
  const [row] = await sql<{ bound: boolean }[]>`
    select exists (
      select 1 from pg_constraint
      where conrelid = to_regclass('public.profiles') and confrelid = to_regclass('auth.users')
    ) as bound`;
  return row?.bound ? LOCAL_AUTH_ON_SUPABASE : null;
}

/**
 * Stops the process when local sign-in cannot work on this database. A database that cannot be
 * reached yet is not a reason to stop: requests will say so themselves.
 */
export async function exitIfLocalAuthCannotUseDatabase(
  mode: Pick<RuntimeMode, "auth">,
  sql: Sql,
): Promise<void> {
  let problem: string | null;
  try {
    problem = await localAuthDatabaseProblem(mode, sql);
  } catch (error) {
    console.warn("[atelier] could not check the database for local sign-in:", error);
    return;
  }
  if (!problem) return;
  console.error(`[atelier] ${problem}`);
  process.exit(1);
}
