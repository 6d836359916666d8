// Notifications end to end: the provider emulator finishes or fails jobs, the pipeline writes
// in-app notifications (failures, and successes that took over a minute) and mails long jobs
// over SMTP to the test's capture server unless the owner opted out on /profile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { Client, signIn } from "../helpers/http";
import type { CapturedMail } from "../helpers/mail-capture";
import { startAppWithProviders, stopAppWithProviders, waitForGeneration } from "../helpers/providers";

type Item = {
  id: string;
  kind: string;
  title: string;
  body: string;
  generation_id: string | null;
  read_at: string | null;
  created_at: string;
};
type List = { items: Item[]; unread_count: number };

let app: TestApp;
let emulator: Emulator;
let users = 0;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders());
});
afterAll(() => stopAppWithProviders(app, emulator));

/** A fresh signed-in user per test, so counts and mailboxes belong to that test alone. */
async function newUser(name: string): Promise<{ client: Client; email: string }> {
  const email = `${name}-${++users}@example.com`;
  return { client: await signIn(app.url, email), email };
}

async function create(client: Client, prompt: string): Promise<string> {
  const res = await client.post<{ id: string }>("/api/generations/create", {
    model: "flux-schnell",
    input: { prompt },
  });
  expect(res.status).toBe(202);
  return res.body.id;
}

/** Pretends the job was submitted two minutes ago, so it counts as long when it finishes. */
async function makeLong(id: string): Promise<void> {
  await app.db.sql`update generations set created_at = now() - interval '2 minutes' where id = ${id}`;
}

async function list(client: Client): Promise<List> {
  const res = await client.get<List>("/api/notifications");
  expect(res.status).toBe(200);
  return res.body;
}

/** Notifications are written right after the row changes; give that a moment. */
async function listUntil(client: Client, count: number, timeoutMs = 5_000): Promise<List> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await list(client);
    if (body.items.length >= count || Date.now() > deadline) return body;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Mail delivered to the address, newest first, without the sign-in code. */
function jobMails(email: string): CapturedMail[] {
  return app.mail
    .messages(email)
    .filter((m) => !/sign-in code/i.test(m.subject))
    .reverse();
}

/** The mail goes out right after the notification is written; give the SMTP hop a moment. */
async function jobMailsUntil(email: string, count: number, timeoutMs = 5_000): Promise<CapturedMail[]> {
  const deadline = Date.now() + timeoutMs;
  while (jobMails(email).length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return jobMails(email);
}

const settle = () => new Promise((r) => setTimeout(r, 1_500));

describe("notifications", () => {
  it("answers 401 when signed out", async () => {
    const anon = new Client(app.url);
    expect((await anon.get("/api/notifications")).status).toBe(401);
    expect((await anon.post("/api/notifications/read", {})).status).toBe(401);
    const patch = await anon.request("PATCH", "/api/profile/notifications", {
      json: { email_notifications: false },
    });
    expect(patch.status).toBe(401);
  });

  it("a failed job gives one unread notification with the reason, which can be marked read", async () => {
    const { client, email } = await newUser("fail");
    const id = await create(client, "a broken thing [fail]");
    expect((await waitForGeneration(client, id)).status).toBe("failed");
    const body = await listUntil(client, 1);
    expect(body.unread_count).toBe(1);
    expect(body.items).toHaveLength(1);
    const [item] = body.items;
    expect(item).toMatchObject({ kind: "generation_failed", generation_id: id, read_at: null });
    expect(item?.body).toMatch(/Emulated provider failure/);
    // A quick failure is not mailed.
    expect(jobMails(email)).toEqual([]);

    const read = await client.post<{ updated: number }>("/api/notifications/read", { ids: [item?.id] });
    expect(read.status).toBe(200);
    expect(read.body.updated).toBe(1);
    const after = await list(client);
    expect(after.unread_count).toBe(0);
    expect(after.items[0]?.read_at).not.toBeNull();
  });

  it("a job that took over a minute notifies and sends an email linking to the result", async () => {
    const { client, email } = await newUser("long");
    const id = await create(client, "a slow cathedral [slow]");
    await makeLong(id);
    expect((await waitForGeneration(client, id)).status).toBe("completed");
    const body = await listUntil(client, 1);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ kind: "generation_completed", generation_id: id });
    expect(body.unread_count).toBe(1);
    const mails = await jobMailsUntil(email, 1);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/ready/i);
    expect(mails[0]?.text).toContain(`/result/${id}`);
  });

  it("a long job that fails is mailed too", async () => {
    const { client, email } = await newUser("longfail");
    const id = await create(client, "a slow failure [slow] [fail]");
    await makeLong(id);
    expect((await waitForGeneration(client, id)).status).toBe("failed");
    const body = await listUntil(client, 1);
    expect(body.items.map((i) => i.kind)).toEqual(["generation_failed"]);
    const mails = await jobMailsUntil(email, 1);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/failed/i);
  });

  it("with email notifications off, a long job notifies in the app but sends no email", async () => {
    const { client, email } = await newUser("optout");
    const patch = await client.request<{ email_notifications: boolean }>(
      "PATCH",
      "/api/profile/notifications",
      { json: { email_notifications: false } },
    );
    expect(patch.status).toBe(200);
    expect(patch.body.email_notifications).toBe(false);
    const id = await create(client, "a slow quiet lake [slow]");
    await makeLong(id);
    expect((await waitForGeneration(client, id)).status).toBe("completed");
    const body = await listUntil(client, 1);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]?.kind).toBe("generation_completed");
    await settle();
    expect(jobMails(email)).toEqual([]);
  });

  it("shows the bell in the header and the opt-out switch on /profile", async () => {
    const { client } = await newUser("page");
    const page = await client.get<string>("/profile");
    expect(page.status).toBe(200);
    expect(page.body).toContain('aria-label="Notifications"');
    expect(page.body).toContain("Email me when long jobs finish");
    expect(page.body).toMatch(/role="switch"[^>]*aria-checked="true"/);
  });

  it("rejects a non-boolean preference", async () => {
    const { client } = await newUser("badpref");
    const res = await client.request("PATCH", "/api/profile/notifications", {
      json: { email_notifications: "no" },
    });
    expect(res.status).toBe(400);
  });

  it("a quick successful job notifies nothing", async () => {
    const { client, email } = await newUser("quick");
    const id = await create(client, "a quick sketch");
    expect((await waitForGeneration(client, id)).status).toBe("completed");
    await settle();
    expect(await list(client)).toEqual({ items: [], unread_count: 0 });
    expect(jobMails(email)).toEqual([]);
  });

  it("a job the user canceled notifies nothing", async () => {
    const { client } = await newUser("cancel");
    const id = await create(client, "never mind [slow]");
    await makeLong(id);
    const cancel = await client.post(`/api/generations/${id}/cancel`);
    expect(cancel.status).toBe(200);
    await settle();
    expect(await list(client)).toEqual({ items: [], unread_count: 0 });
  });

  it("a duplicated failure webhook gives one notification", async () => {
    const { client } = await newUser("dup");
    const id = await create(client, "twice broken [fail] [dup]");
    expect((await waitForGeneration(client, id)).status).toBe("failed");
    await settle(); // let the duplicate arrive and be handled
    const body = await listUntil(client, 1);
    expect(body.items).toHaveLength(1);
    expect(body.unread_count).toBe(1);
    const [rows] = await app.db.sql<{ n: number }[]>`
      select count(*)::int as n from notifications where generation_id = ${id}`;
    expect(rows?.n).toBe(1);
  });

  it("someone else's notifications are invisible and cannot be marked read", async () => {
    const owner = await newUser("owner");
    const other = await newUser("other");
    const id = await create(owner.client, "private failure [fail]");
    await waitForGeneration(owner.client, id);
    const mine = await listUntil(owner.client, 1);
    const notificationId = mine.items[0]?.id;
    expect(notificationId).toBeDefined();

    expect(await list(other.client)).toEqual({ items: [], unread_count: 0 });
    const byIds = await other.client.post<{ updated: number }>("/api/notifications/read", {
      ids: [notificationId],
    });
    expect(byIds.status).toBe(200);
    expect(byIds.body.updated).toBe(0);
    const all = await other.client.post<{ updated: number }>("/api/notifications/read", {});
    expect(all.body.updated).toBe(0);
    expect((await list(owner.client)).unread_count).toBe(1);

    // Mark all (no ids) works for the owner.
    const ownAll = await owner.client.post<{ updated: number }>("/api/notifications/read");
    expect(ownAll.status).toBe(200);
    expect(ownAll.body.updated).toBe(1);
    expect((await list(owner.client)).unread_count).toBe(0);
  });

  it("rejects ids that are not notification ids", async () => {
    const { client } = await newUser("badids");
    const res = await client.post("/api/notifications/read", { ids: ["not-a-uuid"] });
    expect(res.status).toBe(400);
  });
});
