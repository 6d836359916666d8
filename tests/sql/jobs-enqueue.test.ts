// Jobs are enqueued in the transaction of the change that causes them: a rollback (or a crash
// before the commit) leaves neither the change nor the job, a commit leaves both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let db: TestDatabase;
let alice: string;
// Server modules read DATABASE_URL when first imported: import them after it points here.
let lib: {
  enqueueJob: typeof import("@/lib/jobs/enqueue").enqueueJob;
  reserveGeneration: typeof import("@/lib/db/generations").reserveGeneration;
  lifecycle: typeof import("@/lib/generations/lifecycle");
  sql: typeof import("@/lib/db/client").sql;
};

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  process.env.DATABASE_EMBEDDED = "1";
  lib = {
    enqueueJob: (await import("@/lib/jobs/enqueue")).enqueueJob,
    reserveGeneration: (await import("@/lib/db/generations")).reserveGeneration,
    lifecycle: await import("@/lib/generations/lifecycle"),
    sql: (await import("@/lib/db/client")).sql,
  };
  [{ id: alice }] =
    await db.sql`insert into profiles (email, credits) values ('alice@example.com', 100) returning id`;
});
afterAll(async () => {
  await lib?.sql.end();
  await db?.drop();
});

type QueuedJob = {
  task_identifier: string;
  payload: Record<string, unknown>;
  max_attempts: number;
  key: string | null;
};
const jobs = (name: string) =>
  db.sql<QueuedJob[]>`
    select t.identifier as task_identifier, j.payload, j.max_attempts, j.key
    from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = ${name}`;

const reservation = (prompt: string) =>
  lib.reserveGeneration(
    {
      userId: alice,
      modelId: "flux-schnell",
      provider: "replicate",
      kind: "image",
      input: { prompt },
      prompt,
    },
    { price: 3, hourlyLimit: 100, dailyModelCap: 100, dailyCap: 100 },
  );

describe("transactional enqueue", () => {
  it("a rolled-back transaction leaves no job; a committed one leaves exactly its job", async () => {
    const payload = { generationId: "00000000-0000-4000-8000-000000000001", status: "failed" as const };
    await expect(
      db.sql.begin(async (tx) => {
        await lib.enqueueJob(tx, "generation.ended", payload);
        throw new Error("the change failed after the job was added");
      }),
    ).rejects.toThrow(/failed after/);
    expect(await jobs("generation.ended")).toEqual([]);

    await db.sql.begin((tx) => lib.enqueueJob(tx, "generation.ended", payload));
    expect(await jobs("generation.ended")).toEqual([
      { task_identifier: "generation.ended", payload, max_attempts: 5, key: null },
    ]);
    await db.sql`delete from graphile_worker._private_jobs`;
  });

  it("refuses a payload its job's schema does not accept, before writing anything", async () => {
    await expect(lib.enqueueJob(db.sql, "webhook.process", { eventId: "not-a-uuid" })).rejects.toThrow();
    expect(await jobs("webhook.process")).toEqual([]);
  });

  it("a generation, its charge and its submit job commit together or not at all", async () => {
    const made = await reservation("a committed one");
    if (!made.ok) throw new Error(made.reason);
    const id = made.generation.id;
    expect(await jobs("generation.submit")).toEqual([
      {
        task_identifier: "generation.submit",
        payload: { generationId: id },
        max_attempts: 5,
        key: `generation.submit:${id}`,
      },
    ]);

    // A failure at commit time (checked by a deferred trigger): the row was inserted, charged
    // and its job added inside the transaction, and all three vanish with it.
    await db.sql`
      create function refuse_at_commit() returns trigger language plpgsql as $$
      begin raise exception 'refused at commit'; end $$`;
    await db.sql`
      create constraint trigger generations_refuse_at_commit after insert on generations
      deferrable initially deferred for each row execute function refuse_at_commit()`;
    try {
      await expect(reservation("a crash before the commit")).rejects.toThrow(/refused at commit/);
    } finally {
      await db.sql`drop trigger generations_refuse_at_commit on generations`;
    }
    expect(await db.sql`select id from generations`).toHaveLength(1);
    expect(await db.sql`select id from credit_ledger where reason = 'charge'`).toHaveLength(1);
    expect(await jobs("generation.submit")).toHaveLength(1);
  });

  it("ending a generation enqueues its ended job and its refund in the same statement, once", async () => {
    const made = await reservation("one that fails twice");
    if (!made.ok) throw new Error(made.reason);
    const id = made.generation.id;
    expect(await lib.lifecycle.fail(id, "the provider said no")).toBe(true);
    expect(await lib.lifecycle.fail(id, "and said it again")).toBe(false);
    const ended = (await jobs("generation.ended")).filter((j) => j.payload.generationId === id);
    expect(ended).toEqual([
      {
        task_identifier: "generation.ended",
        payload: { generationId: id, status: "failed" },
        max_attempts: 5,
        key: null,
      },
    ]);
    expect(
      await db.sql`select delta from credit_ledger where generation_id = ${id} and reason = 'refund'`,
    ).toEqual([{ delta: 3 }]);

    // An end rolled back takes its job and its refund with it.
    const other = await reservation("one whose cancel is rolled back");
    if (!other.ok) throw new Error(other.reason);
    await expect(
      lib.sql.begin(async (tx) => {
        await lib.lifecycle.cancel(other.generation.id, alice, tx);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow(/rolled back/);
    expect(
      (await jobs("generation.ended")).filter((j) => j.payload.generationId === other.generation.id),
    ).toEqual([]);
    expect(
      await db.sql`select id from credit_ledger where generation_id = ${other.generation.id} and reason = 'refund'`,
    ).toEqual([]);
  });
});
