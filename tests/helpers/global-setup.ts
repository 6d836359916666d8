// One real PostgreSQL server per test run, with two migrated template databases that every
// test file clones into a fresh database of its own: a plain one (local mode, as `npm run dev`
// runs) and one shaped like a Supabase project (Supabase mode: auth.users, API roles and
// Supabase's default privileges).
import type { TestProject } from "vitest/node";
import { startScratchPostgres } from "../../scripts/lib/scratch-postgres";

export const TEMPLATE_DB = "atelier_template";
export const SUPABASE_TEMPLATE_DB = "atelier_supabase_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgSupabaseTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const pg = await startScratchPostgres(TEMPLATE_DB, { supabaseDatabase: SUPABASE_TEMPLATE_DB });
  project.provide("pgAdminUrl", pg.url("postgres"));
  project.provide("pgTemplate", TEMPLATE_DB);
  project.provide("pgSupabaseTemplate", SUPABASE_TEMPLATE_DB);
  return pg.stop;
}
