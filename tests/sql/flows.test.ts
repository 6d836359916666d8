// What the flow tables guarantee by themselves: a version never changes, a run's reservation
// and its release happen once each, an ended run holds nothing back, and the balance stays the
// ledger sum through a run's reserve, settlements, refunds and release.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let db: TestDatabase;
let user: string;
let flow: string;
let version: string;

beforeAll(async () => {
  db = await createTestDatabase();
  [{ id: user }] = await db.sql`insert into profiles (email) values ('flows@example.com') returning id`;
  await db.sql`insert into credit_ledger (user_id, delta, reason) values (${user}, 50, 'grant')`;
  [{ id: flow }] = await db.sql`insert into flows (user_id, name) values (${user}, 'f') returning id`;
  [{ id: version }] = await db.sql`
    insert into flow_versions (flow_id, user_id, name, graph, graph_sha256)
    values (${flow}, ${user}, 'v1', '{"nodes": [], "edges": []}', ${"a".repeat(64)}) returning id`;
});
afterAll(() => db?.drop());

async function run(reserve: number): Promise<string> {
  return db.sql.begin(async (tx) => {
    const [row] = await tx`
      insert into flow_runs (flow_id, user_id, version_id, estimated_credits, reserve_left)
      values (${flow}, ${user}, ${version}, ${reserve}, ${reserve}) returning id`;
    await tx`insert into credit_ledger (user_id, flow_run_id, delta, reason) values (${user}, ${row!.id}, ${-reserve}, 'flow_reserve')`;
    return row!.id as string;
  });
}

async function balance(): Promise<number> {
  const [row] = await db.sql<{ credits: number; ledger: number }[]>`
    select p.credits, (select sum(delta)::int from credit_ledger where user_id = p.id) as ledger
    from profiles p where p.id = ${user}`;
  expect(row?.credits).toBe(row?.ledger);
  return row?.credits ?? Number.NaN;
}

describe("flow tables", () => {
  it("never change a version", async () => {
    await expect(db.sql`update flow_versions set name = 'v2' where id = ${version}`).rejects.toThrow(
      /immutable/,
    );
  });

  it("reserve and release a run's credits once each, the balance always the ledger sum", async () => {
    const id = await run(10);
    expect(await balance()).toBe(40);
    await expect(
      db.sql`insert into credit_ledger (user_id, flow_run_id, delta, reason) values (${user}, ${id}, -10, 'flow_reserve')`,
    ).rejects.toThrow(/credit_ledger_flow_run_reason_key/);
    // A step settled from the reservation: a settlement and its charge leave the balance as it is.
    const [gen] = await db.sql`
      insert into generations (user_id, model_id, provider, kind, status, charged_credits, flow_run_id, node_id)
      values (${user}, 'flux-schnell', 'replicate', 'image', 'processing', 4, ${id}, 'a') returning id`;
    await db.sql`insert into credit_ledger (user_id, generation_id, flow_run_id, delta, reason) values (${user}, ${gen!.id}, ${id}, 4, 'flow_settle')`;
    await db.sql`insert into credit_ledger (user_id, generation_id, delta, reason) values (${user}, ${gen!.id}, -4, 'charge')`;
    expect(await balance()).toBe(40);
    // It fails: refunded by the status trigger.
    await db.sql`update generations set status = 'failed', completed_at = now() where id = ${gen!.id}`;
    expect(await balance()).toBe(44);
    // An ended run must have released what it held.
    await expect(
      db.sql`update flow_runs set status = 'canceled', ended_at = now() where id = ${id}`,
    ).rejects.toThrow(/flow_runs_released_at_end/);
    await db.sql.begin(async (tx) => {
      await tx`insert into credit_ledger (user_id, flow_run_id, delta, reason) values (${user}, ${id}, 6, 'flow_release')`;
      await tx`update flow_runs set status = 'canceled', ended_at = now(), reserve_left = 0 where id = ${id}`;
    });
    expect(await balance()).toBe(50);
    await expect(
      db.sql`insert into credit_ledger (user_id, flow_run_id, delta, reason) values (${user}, ${id}, 6, 'flow_release')`,
    ).rejects.toThrow(/credit_ledger_flow_run_reason_key/);
  });

  it("keep the ledger when a flow is deleted, unlinked from its runs", async () => {
    const before = await balance();
    await db.sql`delete from flows where id = ${flow}`;
    expect(await balance()).toBe(before);
    const [row] =
      await db.sql`select count(*)::int as n from credit_ledger where reason like 'flow_%' and flow_run_id is null`;
    expect(row?.n).toBe(3);
  });
});
