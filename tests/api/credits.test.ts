// Money must be exactly right under concurrency, duplicates and failures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import {
  runReconciler,
  startAppWithProviders,
  stopAppWithProviders,
  waitForGeneration,
} from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ env: { STARTING_CREDITS: "40" } }));
});
afterAll(() => stopAppWithProviders(app, emulator));

async function balanceOf(client: Client): Promise<number> {
  return (await client.get<{ credits: number }>("/api/me")).body.credits;
}

/** Moves a user's balance to `target` the way an admin would: through the ledger. */
async function setBalance(email: string, target: number) {
  await app.db.sql`
    insert into credit_ledger (user_id, delta, reason, note)
    select id, ${target} - credits, 'admin_adjust', 'test setup' from profiles where email = ${email} and credits <> ${target}`;
}

async function ledgerMatchesBalance(email: string) {
  const [row] = await app.db.sql`
    select p.credits, coalesce(sum(l.delta), 0)::int as ledger
    from profiles p left join credit_ledger l on l.user_id = p.id
    where p.email = ${email} group by p.credits`;
  expect(row?.credits).toBe(row?.ledger);
}

describe("credits", () => {
  it("gives new users the starting grant, recorded in the ledger", async () => {
    const client = await signIn(app.url, "newcomer@example.com");
    expect(await balanceOf(client)).toBe(40);
    const rows = await app.db.sql`
      select l.reason, l.delta from credit_ledger l join profiles p on p.id = l.user_id where p.email = 'newcomer@example.com'`;
    expect(rows.map((r) => [r.reason, r.delta])).toEqual([["grant", 40]]);
  });

  it("estimates the price before submitting and charges exactly that", async () => {
    const client = await signIn(app.url, "payer@example.com");
    const input = { prompt: "three apples", num_outputs: 3 };
    const estimate = await client.post<{ credits: number }>("/api/generations/estimate", {
      model: "flux-schnell",
      input,
    });
    expect(estimate.status).toBe(200);
    expect(estimate.body.credits).toBe(3);
    const before = await balanceOf(client);
    const created = await client.post<{ id: string }>("/api/generations/create", {
      model: "flux-schnell",
      input,
    });
    expect(await balanceOf(client)).toBe(before - 3);
    const done = await waitForGeneration(client, created.body.id);
    expect(done.status).toBe("completed");
    const detail = await client.get<{ receipt: Record<string, unknown> }>(
      `/api/generations/${created.body.id}`,
    );
    expect(detail.body.receipt).toEqual({ estimated_credits: 3, charged_credits: 3, refunded: false });
    expect(await balanceOf(client)).toBe(before - 3);
    await ledgerMatchesBalance("payer@example.com");
    expect(
      (await client.post("/api/generations/estimate", { model: "flux-schnell", input: { num_outputs: 3 } }))
        .status,
    ).toBe(400);
  });

  it("never overdraws: 20 parallel creates with credit for 3 accept exactly 3, the rest get 402", async () => {
    const client = await signIn(app.url, "racer@example.com");
    await setBalance("racer@example.com", 3);
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.post("/api/generations/create", { model: "flux-schnell", input: { prompt: `race ${i}` } }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(3);
    expect(statuses.filter((s) => s === 402)).toHaveLength(17);
    expect(replies.find((r) => r.status === 402)?.body).toMatchObject({
      error: { code: expect.any(String), message: expect.stringMatching(/credits/i) },
    });
    expect(await balanceOf(client)).toBe(0);
    await ledgerMatchesBalance("racer@example.com");
  });

  it("refunds a failed generation once, even when the failure is delivered twice and polled again", async () => {
    const client = await signIn(app.url, "unlucky@example.com");
    const before = await balanceOf(client);
    const created = await client.post<{ id: string }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "doomed twice [fail] [dup]", num_outputs: 2 },
    });
    expect(await balanceOf(client)).toBe(before - 2);
    const done = await waitForGeneration(client, created.body.id);
    expect(done.status).toBe("failed");
    await new Promise((r) => setTimeout(r, 1500)); // the duplicate delivery
    await app.db
      .sql`update generations set status = 'processing', completed_at = null where id = ${created.body.id}`.catch(
      () => {},
    );
    // Even a row forced back to active and failed again by the reconciler refunds nothing more.
    await app.db
      .sql`update generations set updated_at = now() - interval '5 minutes', submitted_at = now() - interval '5 minutes' where id = ${created.body.id}`;
    await runReconciler(app.url);
    expect((await waitForGeneration(client, created.body.id)).status).toBe("failed");
    expect(await balanceOf(client)).toBe(before);
    const refunds = await app.db
      .sql`select delta from credit_ledger where generation_id = ${created.body.id} and reason = 'refund'`;
    expect(refunds.map((r) => r.delta)).toEqual([2]);
    const detail = await client.get<{ receipt: Record<string, unknown> }>(
      `/api/generations/${created.body.id}`,
    );
    expect(detail.body.receipt).toMatchObject({ charged_credits: 2, refunded: true });
    await ledgerMatchesBalance("unlucky@example.com");
  });

  it("refunds a canceled generation and a timed-out one", async () => {
    const client = await signIn(app.url, "impatient@example.com");
    const before = await balanceOf(client);
    const a = await client.post<{ id: string }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "a [slow]" },
    });
    const b = await client.post<{ id: string }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "b [slow]" },
    });
    expect(await balanceOf(client)).toBe(before - 2);
    await client.post(`/api/generations/${a.body.id}/cancel`);
    await new Promise((r) => setTimeout(r, 500));
    await app.db
      .sql`update generations set created_at = now() - interval '2 hours', submitted_at = now() - interval '2 hours', updated_at = now() - interval '2 hours' where id = ${b.body.id}`;
    await runReconciler(app.url);
    expect((await waitForGeneration(client, b.body.id)).error).toMatch(/timed out/i);
    expect(await balanceOf(client)).toBe(before);
    await ledgerMatchesBalance("impatient@example.com");
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After past a model's hourly limit", async () => {
    const client = await signIn(app.url, "hasty@example.com");
    const [user] = await app.db.sql`select id from profiles where email = 'hasty@example.com'`;
    await app.db.sql`insert into model_overrides (model_id, hourly_limit) values ('fal-flux-dev', 2)`;
    // Rows from earlier this hour count, whatever their state.
    await app.db.sql`
      insert into generations (user_id, model_id, provider, kind, status, completed_at)
      values (${user?.id}, 'fal-flux-dev', 'fal', 'image', 'completed', now()),
             (${user?.id}, 'fal-flux-dev', 'fal', 'image', 'completed', now())`;
    await new Promise((r) => setTimeout(r, 5500)); // overrides are cached for a few seconds
    const res = await client.post("/api/generations/create", {
      model: "fal-flux-dev",
      input: { prompt: "one more" },
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(res.body).toMatchObject({
      error: { code: expect.any(String), message: expect.stringMatching(/hourly/i) },
    });
    // Another model is not affected.
    expect(
      (await client.post("/api/generations/create", { model: "flux-schnell", input: { prompt: "other" } }))
        .status,
    ).toBe(202);
  });
});
