// Telegram Login Widget in local mode: POST /api/auth/telegram with the widget's fields, and the
// widget's redirect to GET /auth/telegram. (Supabase mode: auth-supabase-telegram.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signTelegramFields } from "@/lib/auth/telegram";
import { startApp, type TestApp } from "../helpers/app";
import { Client, signIn } from "../helpers/http";

const BOT_TOKEN = "123:abc";
let app: TestApp;
let withoutBot: TestApp;

beforeAll(async () => {
  [app, withoutBot] = await Promise.all([startApp({ TELEGRAM_BOT_TOKEN: BOT_TOKEN }), startApp()]);
});
afterAll(async () => {
  await Promise.all([app?.stop(), withoutBot?.stop()]);
});

type Widget = Record<string, string> & { id: string };
let nextId = 9_000_000;
function widget(overrides: Record<string, string> = {}): Widget {
  const fields: Record<string, string> = {
    id: String(nextId++),
    first_name: "Linus",
    last_name: "T",
    username: "linus",
    photo_url: "https://t.me/i/userpic/320/linus.jpg",
    auth_date: String(Math.floor(Date.now() / 1000)),
    ...overrides,
  };
  return { ...fields, id: String(fields.id), hash: signTelegramFields(fields, BOT_TOKEN) };
}

const profilesFor = (telegramId: string) =>
  app.db.sql`select id, display_name, avatar_url from profiles where telegram_id = ${telegramId}`;

describe("Telegram sign-in (local mode)", () => {
  it("signs in with a valid widget payload and creates the profile once", async () => {
    const payload = widget();
    const client = new Client(app.url);
    const res = await client.post("/api/auth/telegram", payload);
    expect(res.status).toBe(200);
    expect(client.cookie("atelier_session")).toBeTruthy();
    const me = await client.get("/api/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: res.body.id, email: null, role: "user" });
    expect(await profilesFor(payload.id)).toEqual([
      { id: res.body.id, display_name: "Linus T", avatar_url: "https://t.me/i/userpic/320/linus.jpg" },
    ]);

    const again = new Client(app.url);
    const second = await again.post("/api/auth/telegram", widget({ id: payload.id }));
    expect(second.status).toBe(200);
    expect((await again.get("/api/me")).body).toMatchObject({ id: res.body.id });
    expect(await profilesFor(payload.id)).toHaveLength(1);
  });

  it("accepts the numeric fields the widget's JS callback produces", async () => {
    const payload = widget();
    const res = await new Client(app.url).post("/api/auth/telegram", {
      ...payload,
      id: Number(payload.id),
      auth_date: Number(payload.auth_date),
    });
    expect(res.status).toBe(200);
  });

  it("links Telegram to the profile of a user signed in by email", async () => {
    const client = await signIn(app.url, "mixed@example.com", { "x-forwarded-for": "10.1.0.1" });
    const emailUser = (await client.get("/api/me")).body;
    const payload = widget();
    const res = await client.post("/api/auth/telegram", payload);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: emailUser.id, email: "mixed@example.com" });
    expect(await profilesFor(payload.id)).toEqual([expect.objectContaining({ id: emailUser.id })]);

    // From now on a Telegram sign-in anywhere opens that same account.
    const phone = new Client(app.url);
    await phone.post("/api/auth/telegram", widget({ id: payload.id }));
    expect((await phone.get("/api/me")).body).toMatchObject({ id: emailUser.id, email: "mixed@example.com" });
  });

  const now = () => Math.floor(Date.now() / 1000);
  it.each<[string, (w: Widget) => Record<string, unknown>]>([
    ["a forged hash", (w) => ({ ...w, hash: "a".repeat(64) })],
    ["a hash signed with another bot's token", (w) => ({ ...w, hash: signTelegramFields(w, "999:other") })],
    ["a changed field", (w) => ({ ...w, first_name: "Mallory" })],
    ["a missing hash", ({ hash: _hash, ...rest }) => rest],
    ["a hash of the wrong length", (w) => ({ ...w, hash: `${w.hash}00` })],
    ["an auth_date older than 24 h", () => widget({ auth_date: String(now() - 24 * 3600 - 5) })],
    ["an auth_date in the future", () => widget({ auth_date: String(now() + 3600) })],
  ])("rejects %s with 401 and no session", async (_label, tamper) => {
    const payload = tamper(widget());
    const client = new Client(app.url);
    const res = await client.post("/api/auth/telegram", payload);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(client.cookie("atelier_session")).toBeUndefined();
    expect((await client.get("/api/me")).status).toBe(401);
    expect(await profilesFor(String(payload.id))).toHaveLength(0);
  });

  it("answers 400 for a body that is not a flat object of fields", async () => {
    const client = new Client(app.url);
    expect((await client.post("/api/auth/telegram", ["id", "1"])).status).toBe(400);
    const res = await client.request("POST", "/api/auth/telegram", {
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
  });

  it("signs in through the widget's redirect and goes where the page said", async () => {
    const payload = widget();
    const client = new Client(app.url);
    await client.post("/api/auth/intent", { next: "/history" });
    const res = await client.get(`/auth/telegram?${new URLSearchParams(payload)}`);
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(`${app.url}/history`);
    expect(client.cookie("atelier_session")).toBeTruthy();
    expect(await profilesFor(payload.id)).toHaveLength(1);

    // The same redirect in a browser that did not start the sign-in signs no one in.
    const stranger = new Client(app.url);
    const replayed = await stranger.get(`/auth/telegram?${new URLSearchParams(widget())}`);
    expect(replayed.headers.get("location")).toBe(`${app.url}/auth/auth-code-error`);
    expect(stranger.cookie("atelier_session")).toBeUndefined();
  });

  it("answers 404 when no bot token is configured, even for a validly signed payload", async () => {
    const client = new Client(withoutBot.url);
    const res = await client.post("/api/auth/telegram", widget());
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(client.cookie("atelier_session")).toBeUndefined();
  });
});
