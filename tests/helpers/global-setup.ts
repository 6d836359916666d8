// One real PostgreSQL server per test run, with a migrated template database that every
// test file clones into a fresh database of its own.
import type { TestProject } from "vitest/node";
import { startScratchPostgres } from "../../scripts/lib/scratch-postgres";

export const TEMPLATE_DB = "atelier_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const pg = await startScratchPostgres(TEMPLATE_DB);
  project.provide("pgAdminUrl", pg.url("postgres"));
  project.provide("pgTemplate", TEMPLATE_DB);
  return pg.stop;
}
