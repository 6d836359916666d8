// One real PostgreSQL server per test run, with a migrated template database that every
// test file clones into a fresh database of its own.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migrate } from "../../lib/db/migrate";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { freePort } from "../../scripts/lib/ports";

export const TEMPLATE_DB = "atelier_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), "atelier-pg-"));
  // When run as root, Postgres runs as the `postgres` user, which must reach the data dir.
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, "data"),
    port: await freePort(),
    persistent: false,
  });
  const adminUrl = server.url("postgres");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const template = postgres(server.url(TEMPLATE_DB), { max: 1, onnotice: () => {} });
  await migrate(template);
  await template.end();
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", TEMPLATE_DB);
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
