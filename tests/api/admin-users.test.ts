// The users part of the admin console: search, usage, role rules, credit adjustments, bans.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { Client, latestCode, signIn } from "../helpers/http";

let app: TestApp;
let admin: Client;
let root: Client;
let alice: Client;
const ids = { admin: "", root: "", alice: "" };

const idOf = async (client: Client) => (await client.get<{ id: string }>("/api/me")).body.id;

beforeAll(async () => {
  app = await startApp({ ADMIN_EMAILS: "admin@example.com" });
  admin = await signIn(app.url, "admin@example.com");
  root = await signIn(app.url, "root@example.com");
  alice = await signIn(app.url, "alice@example.com");
  ids.admin = await idOf(admin);
  ids.root = await idOf(root);
  ids.alice = await idOf(alice);
  await app.db.sql`update profiles set role = 'super_admin' where id = ${ids.root}`;
});
afterAll(() => app?.stop());

const auditRows = (action: string) =>
  app.db
    .sql`select actor_id, target_type, target_id, before, after from audit_log where action = ${action} order by id`;

describe("search", () => {
  beforeAll(async () => {
    await app.db
      .sql`update profiles set display_name = 'Alice Liddell', telegram_id = 424242 where id = ${ids.alice}`;
    await app.db.sql`
      insert into profiles (email, display_name)
      select 'filler' || i || '@example.org', 'Filler ' || i from generate_series(1, 30) i`;
  });

  it.each([
    ["alice@", "email"],
    ["liddell", "display name"],
    ["424242", "Telegram id"],
  ])("finds a user by %s (%s)", async (q) => {
    const res = await admin.get<{
      items: { id: string; email: string; telegram_id: string }[];
      total: number;
    }>(`/api/admin/users?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      id: ids.alice,
      email: "alice@example.com",
      telegram_id: "424242",
    });
  });

  it("pages through everyone, newest first, and treats LIKE wildcards literally", async () => {
    const first = await admin.get<{ items: { email: string }[]; total: number; page_size: number }>(
      "/api/admin/users",
    );
    expect(first.body.total).toBe(33);
    expect(first.body.items).toHaveLength(first.body.page_size);
    const second = await admin.get<{ items: unknown[] }>("/api/admin/users?page=2");
    expect(second.body.items).toHaveLength(33 - first.body.page_size);
    const wildcard = await admin.get<{ total: number }>("/api/admin/users?q=%25");
    expect(wildcard.body.total).toBe(0);
    expect((await admin.get("/api/admin/users?page=0")).status).toBe(400);
  });

  it("shows a user's usage and ledger, and 404s for an unknown id", async () => {
    const res = await admin.get<{
      user: { credits: number };
      usage: { by_status: Record<string, number>; net_spent: number; last_sign_in_at: string | null };
      ledger: { reason: string; delta: number }[];
    }>(`/api/admin/users/${ids.alice}`);
    expect(res.status).toBe(200);
    expect(res.body.user.credits).toBe(100);
    expect(res.body.usage).toMatchObject({
      by_status: {},
      net_spent: 0,
      last_sign_in_at: expect.any(String),
    });
    expect(res.body.ledger).toEqual([expect.objectContaining({ reason: "grant", delta: 100 })]);
    expect((await admin.get("/api/admin/users/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await admin.get("/api/admin/users/not-a-uuid")).status).toBe(404);
  });
});

describe("roles", () => {
  const setRole = (client: Client, id: string, role: string) =>
    client.post(`/api/admin/users/${id}/role`, { role });

  it("an admin cannot change roles at all, super_admin least of all", async () => {
    expect((await setRole(admin, ids.alice, "super_admin")).status).toBe(403);
    expect((await setRole(admin, ids.alice, "admin")).status).toBe(403);
    expect((await setRole(admin, ids.admin, "super_admin")).status).toBe(403);
    const rows = await app.db
      .sql`select email, role from profiles where id in ${app.db.sql([ids.alice, ids.admin])} order by email`;
    expect(rows).toEqual([
      { email: "admin@example.com", role: "admin" },
      { email: "alice@example.com", role: "user" },
    ]);
    expect(await auditRows("user.role.change")).toHaveLength(0);
  });

  it("a super admin can make someone an admin, with an audit row; the new admin gets in at once", async () => {
    expect((await alice.get("/api/admin/users")).status).toBe(403);
    const res = await setRole(root, ids.alice, "admin");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: ids.alice, role: "admin" });
    expect((await alice.get("/api/admin/users")).status).toBe(200);
    expect(await auditRows("user.role.change")).toEqual([
      {
        actor_id: ids.root,
        target_type: "user",
        target_id: ids.alice,
        before: { role: "user" },
        after: { role: "admin" },
      },
    ]);
    expect((await setRole(root, ids.alice, "user")).status).toBe(200);
    expect((await alice.get("/api/admin/users")).status).toBe(403);
  });

  it("a super admin may grant super_admin, but nobody changes their own role", async () => {
    const bob = await signIn(app.url, "bob@example.com");
    const bobId = await idOf(bob);
    expect((await setRole(root, bobId, "super_admin")).status).toBe(200);
    expect((await setRole(root, ids.root, "user")).status).toBe(403);
    expect((await setRole(bob, bobId, "user")).status).toBe(403);
    const [me] = await app.db.sql`select role from profiles where id = ${ids.root}`;
    expect(me?.role).toBe("super_admin");
  });

  it("rejects an unknown role and an unknown user", async () => {
    expect((await setRole(root, ids.alice, "owner")).status).toBe(400);
    expect((await setRole(root, "00000000-0000-4000-8000-000000000000", "admin")).status).toBe(404);
  });
});

describe("credit adjustments", () => {
  const adjust = (body: unknown, id = ids.alice) => admin.post(`/api/admin/users/${id}/credits`, body);
  const balance = async (id: string) => {
    const [row] = await app.db.sql<{ credits: number; sum: number }[]>`
      select p.credits, (select coalesce(sum(delta), 0)::int from credit_ledger where user_id = p.id) as sum
      from profiles p where p.id = ${id}`;
    return row!;
  };

  it("writes a ledger row and an audit row, and the balance follows", async () => {
    const before = await balance(ids.alice);
    const res = await adjust({ delta: 25, reason: "Sorry for the outage" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ credits: before.credits + 25 });
    const after = await balance(ids.alice);
    expect(after.credits).toBe(before.credits + 25);
    expect(after.sum).toBe(after.credits);
    const [entry] = await app.db.sql`
      select delta, reason, note, actor_id, generation_id from credit_ledger
      where user_id = ${ids.alice} order by id desc limit 1`;
    expect(entry).toEqual({
      delta: 25,
      reason: "admin_adjust",
      note: "Sorry for the outage",
      actor_id: ids.admin,
      generation_id: null,
    });
    const audits = await auditRows("user.credits.adjust");
    expect(audits.at(-1)).toMatchObject({
      actor_id: ids.admin,
      target_id: ids.alice,
      before: { credits: before.credits },
      after: { credits: before.credits + 25, delta: 25, reason: "Sorry for the outage" },
    });
    expect((await alice.get<{ credits: number }>("/api/me")).body.credits).toBe(after.credits);
  });

  it("takes credits away, but never below zero: an overdraw writes nothing", async () => {
    const { credits } = await balance(ids.alice);
    const ledgerBefore = await app.db.sql`select id from credit_ledger`;
    const auditBefore = await app.db.sql`select id from audit_log`;
    const refused = await adjust({ delta: -(credits + 1), reason: "too much" });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: { code: expect.any(String), message: expect.stringContaining(String(credits)) },
    });
    expect(await app.db.sql`select id from credit_ledger`).toHaveLength(ledgerBefore.length);
    expect(await app.db.sql`select id from audit_log`).toHaveLength(auditBefore.length);
    expect((await balance(ids.alice)).credits).toBe(credits);
    expect((await adjust({ delta: -credits, reason: "reset to zero" })).status).toBe(200);
    expect(await balance(ids.alice)).toEqual({ credits: 0, sum: 0 });
  });

  it.each([
    [{ delta: 10 }, /reason/],
    [{ delta: 10, reason: "  " }, /reason/],
    [{ delta: 0, reason: "nothing" }, /delta/],
    [{ delta: 1.5, reason: "half" }, /delta/],
    [{ delta: "10", reason: "string" }, /delta/],
    [{ delta: 10_000_000, reason: "too big" }, /delta/],
  ])("rejects %j with a 400", async (body, field) => {
    const res = await adjust(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: expect.any(String), message: expect.stringMatching(field) },
    });
  });

  it("404s for an unknown user", async () => {
    expect((await adjust({ delta: 5, reason: "ghost" }, "00000000-0000-4000-8000-000000000000")).status).toBe(
      404,
    );
  });
});

describe("bans", () => {
  const setStatus = (client: Client, id: string, status: string) =>
    client.post(`/api/admin/users/${id}/status`, { status });

  it("locks a banned user out at once and keeps them from signing in again", async () => {
    const carol = await signIn(app.url, "carol@example.com");
    const carolId = await idOf(carol);
    const second = await signIn(app.url, "carol@example.com");
    expect((await carol.get("/api/me")).status).toBe(200);

    const res = await setStatus(admin, carolId, "banned");
    expect(res.status).toBe(200);
    expect((await carol.get("/api/me")).status).toBe(401);
    expect((await second.get("/api/me")).status).toBe(401);
    expect(await app.db.sql`select id from sessions where user_id = ${carolId}`).toHaveLength(0);
    expect((await auditRows("user.ban")).at(-1)).toMatchObject({
      actor_id: ids.admin,
      target_id: carolId,
      before: { status: "active" },
      after: { status: "banned", sessions_ended: 2 },
    });

    const again = new Client(app.url);
    expect((await again.post("/api/auth/otp", { email: "carol@example.com" })).status).toBe(200);
    const verify = await again.post("/api/auth/otp/verify", {
      email: "carol@example.com",
      code: await latestCode(again, "carol@example.com"),
    });
    expect(verify.status).toBe(403);
    expect((await again.get("/api/me")).status).toBe(401);

    expect((await setStatus(admin, carolId, "active")).status).toBe(200);
    const back = await signIn(app.url, "carol@example.com");
    expect((await back.get("/api/me")).status).toBe(200);
  });

  it("nobody bans themselves; only a super admin bans an admin", async () => {
    expect((await setStatus(admin, ids.admin, "banned")).status).toBe(403);
    expect((await setStatus(admin, ids.root, "banned")).status).toBe(403);
    const dave = await signIn(app.url, "dave@example.com");
    const daveId = await idOf(dave);
    await app.db.sql`update profiles set role = 'admin' where id = ${daveId}`;
    expect((await setStatus(admin, daveId, "banned")).status).toBe(403);
    expect((await setStatus(root, daveId, "banned")).status).toBe(200);
    expect((await dave.get("/api/admin/users")).status).toBe(401);
    expect((await setStatus(admin, ids.alice, "frozen")).status).toBe(400);
  });
});
