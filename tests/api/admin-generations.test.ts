// Generations in the admin console: filters, inspection, retry and refund rules, usage, audit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import { idsOnAllPages, insertWithinOneMillisecond } from "../helpers/paging";
import { startAppWithProviders, stopAppWithProviders, waitForGeneration } from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;
let admin: Client;
let alice: Client;
let bob: Client;
let aliceId: string;
let adminId: string;
let failedId: string;
let completedId: string;

const create = async (client: Client, prompt: string, model = "flux-schnell") => {
  const res = await client.post<{ id: string }>("/api/generations/create", { model, input: { prompt } });
  if (res.status !== 202) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
};
const credits = async (client: Client) => (await client.get<{ credits: number }>("/api/me")).body.credits;
const ledgerFor = (generationId: string) =>
  app.db
    .sql`select reason, delta, actor_id, note from credit_ledger where generation_id = ${generationId} order by id`;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ env: { ADMIN_EMAILS: "admin@example.com" } }));
  admin = await signIn(app.url, "admin@example.com");
  alice = await signIn(app.url, "alice@example.com");
  bob = await signIn(app.url, "bob@example.com");
  aliceId = (await alice.get<{ id: string }>("/api/me")).body.id;
  adminId = (await admin.get<{ id: string }>("/api/me")).body.id;
  failedId = await create(alice, "a storm that breaks [fail]");
  completedId = await create(alice, "a calm lake at dawn");
  expect((await waitForGeneration(alice, failedId)).status).toBe("failed");
  expect((await waitForGeneration(alice, completedId)).status).toBe("completed");
  await waitForGeneration(bob, await create(bob, "bob's fox"));
});
afterAll(() => stopAppWithProviders(app, emulator));

type Item = { id: string; status: string; user_email: string; model_id: string; provider: string };
type ListBody = { items: Item[]; next_cursor: string | null };

describe("list and inspect", () => {
  it("pages through generations created within the same millisecond without skipping any", async () => {
    const [profile] = await app.db.sql<{ id: string }[]>`
      insert into profiles (email) values ('same-ms@example.com') returning id`;
    // A page and a half.
    const inserted = await insertWithinOneMillisecond(app.db.sql, profile!.id, 75);
    let seen: string[];
    try {
      seen = await idsOnAllPages(admin, "/api/admin/generations?email=same-ms");
    } finally {
      // The other tests here count every generation.
      await app.db.sql`delete from generations where user_id = ${profile!.id}`;
    }
    expect(seen.sort()).toEqual(inserted.sort());
  });

  it.each([
    ["status=failed", [() => failedId]],
    ["email=alice", [() => completedId, () => failedId]],
    ["email=bob&status=failed", []],
    ["provider=fal", []],
    ["model=flux-schnell&status=completed&email=alice%40example.com", [() => completedId]],
  ] as const)("filters by %s", async (query, expected) => {
    const res = await admin.get<ListBody>(`/api/admin/generations?${query}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => i.id)).toEqual(expected.map((f) => f()));
  });

  it("filters by UTC date range, both ends included", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const all = await admin.get<ListBody>(`/api/admin/generations?from=${today}&to=${today}`);
    expect(all.body.items).toHaveLength(3);
    const none = await admin.get<ListBody>(`/api/admin/generations?to=${yesterday}`);
    expect(none.body.items).toHaveLength(0);
  });

  it.each(["status=done", "provider=openai", "from=yesterday", "from=2026-13-45", "cursor=nonsense"])(
    "rejects %s with a 400",
    async (query) => {
      expect((await admin.get(`/api/admin/generations?${query}`)).status).toBe(400);
    },
  );

  it("shows input, provider job, error, webhook events and the ledger of one generation", async () => {
    const res = await admin.get<{
      generation: {
        id: string;
        input: { prompt: string };
        provider_job_id: string;
        error: string;
        user_email: string;
      };
      webhook_events: { event_id: string; payload: unknown; processed_at: string | null }[];
      ledger: { reason: string; delta: number }[];
      refundable: boolean;
    }>(`/api/admin/generations/${failedId}`);
    expect(res.status).toBe(200);
    expect(res.body.generation).toMatchObject({
      id: failedId,
      input: { prompt: "a storm that breaks [fail]" },
      provider_job_id: expect.any(String),
      error: expect.stringContaining("[fail]"),
      user_email: "alice@example.com",
    });
    expect(res.body.webhook_events.length).toBeGreaterThan(0);
    expect(res.body.webhook_events[0]).toMatchObject({ payload: expect.any(Object) });
    expect(res.body.ledger.map((l) => l.reason)).toEqual(["charge", "refund"]);
    expect(res.body.refundable).toBe(false);
    expect((await admin.get("/api/admin/generations/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("retry", () => {
  it("creates a new, normally charged generation for the same user, model and input", async () => {
    const before = await credits(alice);
    const res = await admin.post<{ id: string; status: string; parent_generation_id: string }>(
      `/api/admin/generations/${failedId}/retry`,
    );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: "queued", parent_generation_id: failedId });
    const [row] = await app.db.sql`
      select user_id, model_id, input, parent_generation_id, charged_credits from generations where id = ${res.body.id}`;
    expect(row).toMatchObject({
      user_id: aliceId,
      model_id: "flux-schnell",
      input: expect.objectContaining({ prompt: "a storm that breaks [fail]" }),
      parent_generation_id: failedId,
    });
    expect(row?.charged_credits).toBeGreaterThan(0);
    expect(await ledgerFor(res.body.id)).toEqual([
      expect.objectContaining({ reason: "charge", delta: -row?.charged_credits }),
    ]);
    expect(await credits(alice)).toBe(before - row?.charged_credits);
    // It fails again at the provider (same input), and is refunded like any failure.
    expect((await waitForGeneration(alice, res.body.id)).status).toBe("failed");
    expect(await credits(alice)).toBe(before);
    const [audit] = await app.db.sql`
      select actor_id, target_id, after from audit_log where action = 'generation.retry'`;
    expect(audit).toMatchObject({
      actor_id: adminId,
      target_id: failedId,
      after: { retry_generation_id: res.body.id },
    });
  });

  it("refuses to retry what did not fail, and unknown ids", async () => {
    const res = await admin.post(`/api/admin/generations/${completedId}/retry`);
    expect(res.status).toBe(409);
    expect(
      (await admin.post("/api/admin/generations/00000000-0000-4000-8000-000000000000/retry")).status,
    ).toBe(404);
  });

  it("retries a failed generation whose input now succeeds", async () => {
    // A failure that was the provider's fault: the same input works on the next try.
    const [row] = await app.db.sql`
      insert into generations (user_id, model_id, provider, kind, status, input, prompt, error, completed_at)
      values (${aliceId}, 'flux-schnell', 'replicate', 'image', 'failed',
              ${app.db.sql.json({ prompt: "a quiet harbour" })}, 'a quiet harbour', 'provider timeout', now())
      returning id`;
    const res = await admin.post<{ id: string }>(`/api/admin/generations/${row?.id}/retry`);
    expect(res.status).toBe(202);
    expect((await waitForGeneration(alice, res.body.id)).status).toBe("completed");
  });
});

describe("refund", () => {
  it("refunds a completed generation once, with a ledger row and an audit row", async () => {
    const [g] = await app.db.sql<{ charged_credits: number }[]>`
      select charged_credits from generations where id = ${completedId}`;
    const before = await credits(alice);
    const res = await admin.post(`/api/admin/generations/${completedId}/refund`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ refunded: g?.charged_credits, credits: before + (g?.charged_credits ?? 0) });
    expect(await credits(alice)).toBe(before + (g?.charged_credits ?? 0));
    expect((await ledgerFor(completedId)).at(-1)).toEqual({
      reason: "admin_refund",
      delta: g?.charged_credits,
      actor_id: adminId,
      note: "admin refund",
    });
    const [audit] = await app.db
      .sql`select actor_id, target_id from audit_log where action = 'generation.refund'`;
    expect(audit).toEqual({ actor_id: adminId, target_id: completedId });

    const again = await admin.post(`/api/admin/generations/${completedId}/refund`);
    expect(again.status).toBe(409);
    expect(await credits(alice)).toBe(before + (g?.charged_credits ?? 0));
  });

  it("refuses a generation already refunded automatically", async () => {
    const before = await credits(alice);
    const res = await admin.post(`/api/admin/generations/${failedId}/refund`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: { code: expect.any(String), message: expect.stringMatching(/automatically/) },
    });
    expect(await credits(alice)).toBe(before);
  });

  it("refuses a running generation, and concurrent refunds pay out once", async () => {
    const slow = await create(bob, "a long exposure [slow]");
    expect((await admin.post(`/api/admin/generations/${slow}/refund`)).status).toBe(409);
    await bob.post(`/api/generations/${slow}/cancel`);
    // Canceled: refunded automatically, so an admin refund is refused too.
    expect((await admin.post(`/api/admin/generations/${slow}/refund`)).status).toBe(409);

    const done = await create(bob, "twin refund");
    expect((await waitForGeneration(bob, done)).status).toBe("completed");
    const replies = await Promise.all(
      [1, 2, 3].map(() => admin.post(`/api/admin/generations/${done}/refund`)),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await ledgerFor(done)).filter((l) => l.reason === "admin_refund")).toHaveLength(1);
  });

  it("accepts a note", async () => {
    const id = await create(bob, "noted refund");
    await waitForGeneration(bob, id);
    const res = await admin.post(`/api/admin/generations/${id}/refund`, { note: "Blurry result" });
    expect(res.status).toBe(200);
    expect((await ledgerFor(id)).at(-1)).toMatchObject({ note: "Blurry result" });
  });
});

describe("usage and audit", () => {
  it("reports counts and credits charged minus refunded, per day, model, provider and user", async () => {
    const res = await admin.get<{
      per_day: { day: string; generations: number; net: number }[];
      per_model: {
        model_id: string;
        generations: number;
        failed: number;
        charged: number;
        refunded: number;
        net: number;
      }[];
      per_provider: { provider: string; generations: number }[];
      per_user: { email: string; net: number }[];
      totals: { generations: number; charged: number; refunded: number; net: number };
    }>("/api/admin/usage");
    expect(res.status).toBe(200);
    const [sums] = await app.db.sql<{ n: number; charged: number; refunded: number }[]>`
      select (select count(*)::int from generations) as n,
             (select coalesce(sum(-delta), 0)::int from credit_ledger where reason = 'charge') as charged,
             (select coalesce(sum(delta), 0)::int from credit_ledger where reason in ('refund', 'admin_refund')) as refunded`;
    expect(res.body.totals).toMatchObject({
      generations: sums?.n,
      charged: sums?.charged,
      refunded: sums?.refunded,
      net: (sums?.charged ?? 0) - (sums?.refunded ?? 0),
    });
    expect(res.body.per_day).toHaveLength(30);
    const today = new Date().toISOString().slice(0, 10);
    expect(res.body.per_day.at(-1)).toMatchObject({ day: today, generations: sums?.n });
    expect(res.body.per_model).toEqual([
      expect.objectContaining({ model_id: "flux-schnell", generations: sums?.n }),
    ]);
    expect(res.body.per_provider).toEqual([
      expect.objectContaining({ provider: "replicate", generations: sums?.n }),
    ]);
    expect(res.body.per_user.map((u) => u.email).sort()).toEqual(["alice@example.com", "bob@example.com"]);
    expect((await admin.get<{ per_day: unknown[] }>("/api/admin/usage?days=7")).body.per_day).toHaveLength(7);
    expect((await admin.get("/api/admin/usage?days=400")).status).toBe(400);
  });

  it("lists admin actions newest first with who, what and before/after", async () => {
    const res = await admin.get<{
      items: { actor_email: string; action: string; target_type: string; before: unknown; after: unknown }[];
      total: number;
    }>("/api/admin/audit");
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.items.length);
    expect(res.body.items[0]).toMatchObject({
      actor_email: "admin@example.com",
      action: "generation.refund",
    });
    expect(res.body.items.at(-1)).toMatchObject({ action: "generation.retry", target_type: "generation" });
    const retries = await admin.get<{ items: unknown[] }>("/api/admin/audit?action=generation.retry");
    expect(retries.body.items).toHaveLength(2);
  });
});
