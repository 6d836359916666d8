// The change feed straight against Postgres: what a LISTEN on `atelier_live` hears when a
// user's generations and balance change, what it does not hear, and that the Realtime
// publication migrations are no-ops on plain Postgres and publish the tables on Supabase.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "../../lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let db: TestDatabase;
let alice: string;
let heard: Record<string, unknown>[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  [{ id: alice }] = await db.sql`insert into profiles (email) values ('alice@example.com') returning id`;
  await db.sql.listen("atelier_live", (payload) => heard.push(JSON.parse(payload)));
});
afterAll(() => db?.drop());

/** Runs `change`, then returns what was announced for it (notifications arrive after commit). */
async function announced(change: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  heard = [];
  await change();
  await db.sql`select 1`;
  await new Promise((r) => setTimeout(r, 100));
  return heard;
}

const version = async () =>
  Number(
    (await db.sql`select generations_version from profiles where id = ${alice}`)[0]?.generations_version,
  );

describe("change feed", () => {
  let id: string;

  it("announces a new generation with its owner, status and the list version it bumped", async () => {
    const events = await announced(async () => {
      [{ id }] = await db.sql`
        insert into generations (user_id, model_id, provider, kind) values (${alice}, 'flux-schnell', 'replicate', 'image')
        returning id`;
    });
    expect(events).toEqual([
      { user_id: alice, type: "generation", id, status: "queued", deleted: false, version: await version() },
    ]);
  });

  it("announces each status change, but not bookkeeping that only bumps the version", async () => {
    const before = await version();
    const quiet = await announced(
      () => db.sql`update generations set provider_job_id = 'job-1' where id = ${id}`,
    );
    expect(quiet).toEqual([]);
    expect(await version()).toBe(before + 1);

    const processing = await announced(
      () => db.sql`update generations set status = 'processing' where id = ${id}`,
    );
    expect(processing).toMatchObject([{ type: "generation", id, status: "processing" }]);
    const completed = await announced(
      () => db.sql`update generations set status = 'completed', completed_at = now(),
                   outputs = '[{"path":"a.png"}]' where id = ${id}`,
    );
    expect(completed).toMatchObject([{ type: "generation", id, status: "completed", deleted: false }]);
  });

  it("announces a running job's progress once per change, and not its log bookkeeping", async () => {
    let running = "";
    await announced(async () => {
      [{ id: running }] = await db.sql`
        insert into generations (user_id, model_id, provider, kind)
        values (${alice}, 'flux-schnell', 'replicate', 'image') returning id`;
    });
    const started = await announced(
      () => db.sql`update generations set status = 'processing', provider_status = 'processing',
                   started_at = now(), progress = 0.1 where id = ${running}`,
    );
    // One change, one announcement: the status trigger's, not a second one for the progress.
    expect(started).toMatchObject([{ type: "generation", id: running, status: "processing" }]);
    expect(started).toHaveLength(1);
    const progressed = await announced(
      () => db.sql`update generations set progress = 0.5, latest_log = ' 50%|█████     | 10/20'
                   where id = ${running}`,
    );
    expect(progressed).toEqual([
      { user_id: alice, type: "generation", id: running, status: "processing", deleted: false },
    ]);
    const quiet = await announced(
      () => db.sql`update generations set log_position = 120 where id = ${running}`,
    );
    expect(quiet).toEqual([]);
    // Heard here, so a late notification cannot land in the next test's window.
    await announced(() => db.sql`delete from generations where id = ${running}`);
  });

  it("announces a deletion", async () => {
    const events = (await announced(() => db.sql`delete from generations where id = ${id}`)).filter(
      (event) => event.id === id,
    );
    expect(events).toMatchObject([{ user_id: alice, type: "generation", id, deleted: true }]);
  });

  it("announces the new balance when credits change through the ledger, and nothing on a rollback", async () => {
    const events = await announced(
      () => db.sql`insert into credit_ledger (user_id, delta, reason) values (${alice}, 40, 'grant')`,
    );
    expect(events).toEqual([{ user_id: alice, type: "credits", credits: 40 }]);
    const rolledBack = await announced(() =>
      db.sql
        .begin(async (tx) => {
          await tx`insert into credit_ledger (user_id, delta, reason) values (${alice}, 5, 'grant')`;
          throw new Error("abandon");
        })
        .catch(() => {}),
    );
    expect(rolledBack).toEqual([]);
  });

  it("says nothing when a profile changes without its balance", async () => {
    expect(
      await announced(() => db.sql`update profiles set display_name = 'Alice' where id = ${alice}`),
    ).toEqual([]);
  });
});

describe("Realtime publication", () => {
  const file = path.join(MIGRATIONS_DIR, "20261130129100_realtime_publication.sql");
  const published = () =>
    db.sql<{ tablename: string }[]>`
      select tablename from pg_publication_tables where pubname = 'supabase_realtime' order by tablename`;

  it("is a no-op where Supabase's publication does not exist", async () => {
    await db.sql.unsafe(await readFile(file, "utf8"));
    expect(await db.sql`select 1 from pg_publication where pubname = 'supabase_realtime'`).toHaveLength(0);
  });

  it("adds generations and profiles to the publication where it exists, and can run again", async () => {
    await db.sql`create publication supabase_realtime`;
    await db.sql.unsafe(await readFile(file, "utf8"));
    await db.sql.unsafe(await readFile(file, "utf8"));
    expect((await published()).map((r) => r.tablename)).toEqual(["generations", "profiles"]);
    await db.sql`drop publication supabase_realtime`;
  });

  it("adds flow runs (whose row changes with each of their nodes) the same way", async () => {
    const runs = path.join(MIGRATIONS_DIR, "20261130181000_realtime_flow_runs.sql");
    await db.sql.unsafe(await readFile(runs, "utf8"));
    expect(await db.sql`select 1 from pg_publication where pubname = 'supabase_realtime'`).toHaveLength(0);
    await db.sql`create publication supabase_realtime`;
    await db.sql.unsafe(await readFile(file, "utf8"));
    await db.sql.unsafe(await readFile(runs, "utf8"));
    await db.sql.unsafe(await readFile(runs, "utf8"));
    expect((await published()).map((r) => r.tablename)).toEqual(["flow_runs", "generations", "profiles"]);
    await db.sql`drop publication supabase_realtime`;
  });
});
