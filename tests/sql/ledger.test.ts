// The credit ledger's guarantees, straight against Postgres: the balance is the ledger sum,
// the ledger is append-only, no balance goes below zero, and a generation is refunded once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let db: TestDatabase;
let alice: string;
let bob: string;
let admin: string;

beforeAll(async () => {
  db = await createTestDatabase();
  [{ id: alice }] = await db.sql`insert into profiles (email) values ('alice@example.com') returning id`;
  [{ id: bob }] = await db.sql`insert into profiles (email) values ('bob@example.com') returning id`;
  [{ id: admin }] =
    await db.sql`insert into profiles (email, role) values ('admin@example.com', 'admin') returning id`;
});
afterAll(() => db?.drop());

async function generation(userId: string, charge: number): Promise<string> {
  return db.sql.begin(async (tx) => {
    const [row] = await tx`
      insert into generations (user_id, model_id, provider, kind, status, charged_credits, estimated_credits)
      values (${userId}, 'flux-schnell', 'replicate', 'image', 'processing', ${charge}, ${charge}) returning id`;
    await tx`insert into credit_ledger (user_id, generation_id, delta, reason) values (${userId}, ${row!.id}, ${-charge}, 'charge')`;
    return row!.id as string;
  });
}

const entry = (userId: string, delta: number, reason: string, generationId: string | null = null) =>
  db.sql`insert into credit_ledger (user_id, generation_id, delta, reason, actor_id)
         values (${userId}, ${generationId}, ${delta}, ${reason}, ${reason.startsWith("admin") ? admin : null})`;

async function balancesMatchLedger() {
  const rows = await db.sql<{ email: string; credits: number; ledger: number }[]>`
    select p.email, p.credits, coalesce((select sum(delta) from credit_ledger l where l.user_id = p.id), 0)::int as ledger
    from profiles p order by p.email`;
  for (const row of rows) expect(row.credits, row.email).toBe(row.ledger);
  return Object.fromEntries(rows.map((r) => [r.email, r.credits]));
}

describe("credit ledger", () => {
  let failedGen: string;
  let completedGen: string;

  it("keeps profiles.credits equal to the ledger sum through grants, charges, refunds and adjustments", async () => {
    await entry(alice, 100, "grant");
    await entry(bob, 30, "grant");
    completedGen = await generation(alice, 12);
    failedGen = await generation(alice, 8);
    const bobGen = await generation(bob, 5);
    // Ending a job as failed refunds it in the same statement (trigger), exactly once.
    await db.sql`update generations set status = 'failed', completed_at = now() where id = ${failedGen}`;
    await db.sql`update generations set status = 'completed', completed_at = now() where id in ${db.sql([completedGen, bobGen])}`;
    await entry(alice, 25, "admin_adjust");
    await entry(bob, -10, "admin_adjust");
    await entry(alice, 12, "admin_refund", completedGen);
    expect(await balancesMatchLedger()).toEqual({
      "admin@example.com": 0,
      "alice@example.com": 100 - 12 - 8 + 8 + 25 + 12,
      "bob@example.com": 30 - 5 - 10,
    });
    const refunds =
      await db.sql`select delta from credit_ledger where generation_id = ${failedGen} and reason = 'refund'`;
    expect(refunds).toEqual([{ delta: 8 }]);
  });

  it("is append-only: rows cannot be updated or deleted", async () => {
    await expect(db.sql`update credit_ledger set delta = 1000 where user_id = ${alice}`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.sql`update credit_ledger set note = 'edited'`).rejects.toThrow(/append-only/);
    await expect(db.sql`delete from credit_ledger where user_id = ${bob}`).rejects.toThrow(/append-only/);
    await balancesMatchLedger();
  });

  it("refuses a charge that would take the balance below zero, and writes nothing", async () => {
    const before = await db.sql`select count(*)::int as n from credit_ledger`;
    const { "bob@example.com": bobCredits } = await balancesMatchLedger();
    await expect(entry(bob, -((bobCredits as number) + 1), "charge")).rejects.toThrow(
      /profiles_credits_check/,
    );
    await expect(entry(bob, -((bobCredits as number) + 1), "admin_adjust")).rejects.toThrow(
      /profiles_credits_check/,
    );
    expect(await db.sql`select count(*)::int as n from credit_ledger`).toEqual(before);
    expect((await balancesMatchLedger())["bob@example.com"]).toBe(bobCredits);
    await entry(bob, -(bobCredits as number), "charge");
    expect((await balancesMatchLedger())["bob@example.com"]).toBe(0);
  });

  it("refunds a generation once per reason: a second refund or admin refund is refused", async () => {
    await expect(entry(alice, 8, "refund", failedGen)).rejects.toThrow(/credit_ledger_generation_reason_key/);
    await expect(entry(alice, 12, "admin_refund", completedGen)).rejects.toThrow(
      /credit_ledger_generation_reason_key/,
    );
    await expect(entry(alice, -12, "charge", completedGen)).rejects.toThrow(
      /credit_ledger_generation_reason_key/,
    );
    // A failure reported twice does not refund twice either.
    await db.sql`update generations set status = 'processing', completed_at = null where id = ${failedGen}`;
    await db.sql`update generations set status = 'failed', completed_at = now() where id = ${failedGen}`;
    expect(
      await db.sql`select id from credit_ledger where generation_id = ${failedGen} and reason = 'refund'`,
    ).toHaveLength(1);
    await balancesMatchLedger();
  });

  it("refuses zero deltas and unknown reasons", async () => {
    await expect(entry(alice, 0, "admin_adjust")).rejects.toThrow(/credit_ledger_delta_check/);
    await expect(entry(alice, 5, "gift")).rejects.toThrow(/credit_ledger_reason_check/);
  });
});
