// Telegram in Supabase mode: the widget bridged into a Supabase session (POST for API clients,
// the widget's GET redirect for browsers), and Telegram's OIDC login (custom:telegram) sharing
// one account with it. The auth stand-in lets anyone sign up with email + password, as a
// Supabase project does by default.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hmacHex } from "@/lib/auth/crypto";
import { signTelegramFields } from "@/lib/auth/telegram";
import { startApp, TEST_SESSION_SECRET, type TestApp } from "../helpers/app";
import { Client } from "../helpers/http";
import {
  PUBLISHABLE_KEY,
  type StandInUser,
  type SupabaseAuthStandIn,
  ssrCookieValue,
  startSupabaseAuthStandIn,
  supabaseEnv,
} from "../helpers/supabase-auth-stand-in";
import { browserBackFromProvider } from "../helpers/supabase-browser";

const BOT_TOKEN = "123:abc";
let standIn: SupabaseAuthStandIn;
let app: TestApp;

beforeAll(async () => {
  standIn = await startSupabaseAuthStandIn();
  app = await startApp({
    ...supabaseEnv(standIn),
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
  });
});
afterAll(async () => {
  await app?.stop();
  await standIn?.close();
});

let nextTelegramId = 5_000_000;
type Widget = Record<string, string> & { id: string };
const widget = (overrides: Record<string, string> = {}): Widget => {
  const fields: Record<string, string> = {
    id: String(nextTelegramId++),
    first_name: "Grace",
    username: "grace",
    auth_date: String(Math.floor(Date.now() / 1000)),
    ...overrides,
  };
  return { ...fields, id: String(fields.id), hash: signTelegramFields(fields, BOT_TOKEN) };
};
const sessionCookie = () => standIn.storageKey;
const bridged = (telegramId: string) => standIn.findUser((u) => u.app_metadata.telegram_id === telegramId);
const me = async (client: Client) => (await client.get("/api/me")).body;
const adminCalls = () =>
  standIn.requests.filter((r) => r.path.startsWith("/auth/v1/admin/") || r.path === "/auth/v1/verify").length;

/** Someone on the internet signs up with an address and a password, as Supabase allows by default. */
async function preRegister(email: string): Promise<void> {
  const res = await fetch(`${standIn.url}/auth/v1/signup`, {
    method: "POST",
    headers: { apikey: PUBLISHABLE_KEY, "content-type": "application/json" },
    body: JSON.stringify({ email, password: "hunter22" }),
  });
  expect(res.status).toBe(200);
}

/** A user who came back from Telegram's OIDC login through Supabase, carrying Telegram's `id` claim. */
function telegramOidcUser(telegramId: string): Promise<StandInUser> {
  return standIn.createUser({
    email: "",
    provider: "custom:telegram",
    user_metadata: {
      iss: "https://oauth.telegram.org",
      sub: `opaque-${telegramId}`,
      name: "Oidc Person",
      preferred_username: "oidcperson",
      custom_claims: { id: Number(telegramId) },
    },
  });
}

describe("Telegram widget bridged into a Supabase session", () => {
  it("verifies the widget, mints a session through a magic-link token and creates the profile", async () => {
    const payload = widget();
    const client = new Client(app.url);
    const res = await client.post("/api/auth/telegram", payload);
    expect(res.status).toBe(200);
    expect(client.cookie(sessionCookie())).toMatch(/^base64-/);
    const authUser = bridged(payload.id);
    expect(authUser?.user_metadata).toMatchObject({ name: "Grace" });
    // The bridge's address cannot be derived from the Telegram id alone.
    expect(authUser?.email).not.toContain(payload.id);
    expect(res.body).toMatchObject({ id: authUser?.id, role: "user" });
    expect(standIn.requestsTo("POST", "/auth/v1/verify").at(-1)?.body).toMatchObject({
      type: "email",
      token_hash: expect.any(String),
    });
    expect(await me(client)).toMatchObject({ id: authUser?.id });
    const rows = await app.db
      .sql`select id, telegram_id::text from profiles where telegram_id = ${payload.id}`;
    expect(rows).toEqual([{ id: authUser?.id, telegram_id: payload.id }]);
  });

  it("signs a returning Telegram user into the same account without a duplicate", async () => {
    const first = widget();
    const one = new Client(app.url);
    await one.post("/api/auth/telegram", first);
    const two = new Client(app.url);
    expect((await two.post("/api/auth/telegram", widget({ id: first.id }))).status).toBe(200);
    expect(await me(two)).toMatchObject({ id: (await me(one)).id });
    expect(await app.db.sql`select id from profiles where telegram_id = ${first.id}`).toHaveLength(1);
  });

  it("does not hand a victim's account to someone who pre-registered the old guessable address", async () => {
    const payload = widget();
    await preRegister(`tg_${payload.id}@telegram.atelier.invalid`);
    const squatter = standIn.findUserByEmail(`tg_${payload.id}@telegram.atelier.invalid`);
    const victim = new Client(app.url);
    expect((await victim.post("/api/auth/telegram", payload)).status).toBe(200);
    expect((await me(victim)).id).not.toBe(squatter?.id);
    // The squatter's password opens nothing: their address was never confirmed by our sign-in.
    const signIn = await fetch(`${standIn.url}/auth/v1/token?grant_type=password`, {
      method: "POST",
      headers: { apikey: PUBLISHABLE_KEY, "content-type": "application/json" },
      body: JSON.stringify({ email: squatter?.email, password: "hunter22" }),
    });
    expect(signIn.status).toBe(400);
  });

  it("refuses an auth user the bridge did not make, even at the bridge's own address", async () => {
    const payload = widget();
    const address = `tg-${hmacHex(TEST_SESSION_SECRET, `telegram-email:${payload.id}`).slice(0, 40)}@telegram.atelier.invalid`;
    await preRegister(address);
    const verifiesBefore = standIn.requestsTo("POST", "/auth/v1/verify").length;
    const victim = new Client(app.url);
    expect((await victim.post("/api/auth/telegram", payload)).status).toBe(409);
    expect(victim.cookie(sessionCookie())).toBeUndefined();
    expect(standIn.requestsTo("POST", "/auth/v1/verify")).toHaveLength(verifiesBefore);
    expect(standIn.findUserByEmail(address)?.email_confirmed_at).toBeNull();
    expect(await app.db.sql`select 1 from profiles where telegram_id = ${payload.id}`).toHaveLength(0);
  });

  type Tamper = (payload: Widget) => Widget;
  it.each<[string, Tamper]>([
    ["a forged hash", (p) => ({ ...p, hash: "f".repeat(64) })],
    ["a changed field", (p) => ({ ...p, username: "mallory" })],
    [
      "an auth_date older than 24 h",
      () => widget({ auth_date: String(Math.floor(Date.now() / 1000) - 24 * 3600 - 60) }),
    ],
  ])("rejects %s with 401 and creates nothing", async (_label, tamper) => {
    const payload = tamper(widget());
    const before = adminCalls();
    const client = new Client(app.url);
    const res = await client.post("/api/auth/telegram", payload);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(client.cookie(sessionCookie())).toBeUndefined();
    expect(adminCalls()).toBe(before);
    expect(await app.db.sql`select 1 from profiles where telegram_id = ${payload.id}`).toHaveLength(0);
  });

  it("refuses a banned account before any session is minted", async () => {
    const first = widget();
    await new Client(app.url).post("/api/auth/telegram", first);
    await app.db.sql`update profiles set status = 'banned' where telegram_id = ${first.id}`;
    const verifiesBefore = standIn.requestsTo("POST", "/auth/v1/verify").length;
    const client = new Client(app.url);
    expect((await client.post("/api/auth/telegram", widget({ id: first.id }))).status).toBe(403);
    expect(client.cookie(sessionCookie())).toBeUndefined();
    expect(standIn.requestsTo("POST", "/auth/v1/verify")).toHaveLength(verifiesBefore);
  });

  it("links Telegram to a signed-in account, and later Telegram sign-ins open that account", async () => {
    const user = await standIn.createUser({ email: "linker@example.com", provider: "google" });
    const { client, code } = await browserBackFromProvider(app.url, standIn, user);
    await client.get(`/auth/callback?code=${code}`);
    const payload = widget();
    const linked = await client.post("/api/auth/telegram", payload);
    expect(linked.body).toMatchObject({ id: user.id, email: "linker@example.com" });
    expect(bridged(payload.id)).toBeUndefined();
    const elsewhere = new Client(app.url);
    expect((await elsewhere.post("/api/auth/telegram", widget({ id: payload.id }))).status).toBe(200);
    expect(await me(elsewhere)).toMatchObject({ id: user.id, email: "linker@example.com" });
  });

  it("links Telegram for a caller whose access token had expired, keeping their session", async () => {
    const user = await standIn.createUser({ email: "late-linker@example.com", provider: "google" });
    const client = new Client(app.url);
    client.setCookie(sessionCookie(), ssrCookieValue(standIn.issueSession(user)));
    expect((await client.get("/api/me")).status).toBe(200);
    client.setCookie(sessionCookie(), ssrCookieValue(standIn.issueSession(user, { expiresIn: -60 })));
    expect((await client.post("/api/auth/telegram", widget())).body).toMatchObject({ id: user.id });
    expect(await me(client)).toMatchObject({ id: user.id });
  });

  it("will not move a Telegram account that belongs to another profile", async () => {
    const owner = widget();
    await new Client(app.url).post("/api/auth/telegram", owner);
    const user = await standIn.createUser({ email: "thief@example.com", provider: "google" });
    const { client, code } = await browserBackFromProvider(app.url, standIn, user);
    await client.get(`/auth/callback?code=${code}`);
    expect((await client.post("/api/auth/telegram", widget({ id: owner.id }))).status).toBe(409);
    expect(
      await app.db.sql`select 1 from profiles where id = ${user.id} and telegram_id is not null`,
    ).toHaveLength(0);
  });
});

describe("one account per Telegram user, by widget or by Telegram's OIDC login", () => {
  it("records the Telegram id of an OIDC login, and the widget then opens that account", async () => {
    const telegramId = String(nextTelegramId++);
    const user = await telegramOidcUser(telegramId);
    const { client, code } = await browserBackFromProvider(app.url, standIn, user);
    expect((await client.get(`/auth/callback?code=${code}`)).headers.get("location")).toBe(`${app.url}/`);
    const [row] = await app.db.sql`select telegram_id::text from profiles where id = ${user.id}`;
    expect(row?.telegram_id).toBe(telegramId);

    const phone = new Client(app.url);
    expect((await phone.post("/api/auth/telegram", widget({ id: telegramId }))).status).toBe(200);
    expect(await me(phone)).toMatchObject({ id: user.id });
    expect(await app.db.sql`select id from profiles where telegram_id = ${telegramId}`).toHaveLength(1);
  });

  it("opens the widget's account when the same Telegram user later uses the OIDC login", async () => {
    const payload = widget();
    const first = new Client(app.url);
    await first.post("/api/auth/telegram", payload);
    const widgetAccount = (await me(first)).id;
    const oidcUser = await telegramOidcUser(payload.id);
    const { client, code } = await browserBackFromProvider(app.url, standIn, oidcUser);
    expect((await client.get(`/auth/callback?code=${code}`)).headers.get("location")).toBe(`${app.url}/`);
    expect(await me(client)).toMatchObject({ id: widgetAccount });
    expect(await app.db.sql`select id from profiles where telegram_id = ${payload.id}`).toHaveLength(1);
  });

  it("takes the Telegram id only from the auth server's identity, never from editable user_metadata", async () => {
    const owner = widget();
    await new Client(app.url).post("/api/auth/telegram", owner);
    const impostor = await standIn.createUser({
      email: "impostor@example.com",
      provider: "google",
      user_metadata: { custom_claims: { id: Number(owner.id) } },
    });
    const { client, code } = await browserBackFromProvider(app.url, standIn, impostor);
    await client.get(`/auth/callback?code=${code}`);
    expect(await me(client)).toMatchObject({ id: impostor.id });
  });
});

describe("the widget's redirect (GET /auth/telegram)", () => {
  const query = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  it("signs in a browser that started from our page and goes where it said", async () => {
    const payload = widget();
    const client = new Client(app.url);
    await client.post("/api/auth/intent", { next: "/history" });
    const res = await client.get(`/auth/telegram?${query(payload)}`);
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(`${app.url}/history`);
    expect(await me(client)).toMatchObject({ id: bridged(payload.id)?.id });
    expect(client.cookie("atelier_sign_in")).toBeUndefined();
  });

  it("links Telegram for a signed-in user and returns to their page", async () => {
    const user = await standIn.createUser({ email: "redirect-linker@example.com", provider: "google" });
    const { client, code } = await browserBackFromProvider(app.url, standIn, user);
    await client.get(`/auth/callback?code=${code}`);
    await client.post("/api/auth/intent", { next: "/profile" });
    const payload = widget();
    expect((await client.get(`/auth/telegram?${query(payload)}`)).headers.get("location")).toBe(
      `${app.url}/profile`,
    );
    const [row] = await app.db.sql`select telegram_id::text from profiles where id = ${user.id}`;
    expect(row?.telegram_id).toBe(payload.id);
  });

  it.each<[string, (c: Client) => Promise<unknown>, (w: Widget) => Widget]>([
    ["without a sign-in started from our pages", async () => {}, (w) => w],
    [
      "with a forged hash",
      (c) => c.post("/api/auth/intent", { next: "/" }),
      (w) => ({ ...w, hash: "a".repeat(64) }),
    ],
  ])("signs no one in %s", async (_label, prepare, tamper) => {
    const client = new Client(app.url);
    await prepare(client);
    const payload = tamper(widget());
    const res = await client.get(`/auth/telegram?${query(payload)}`);
    expect(res.headers.get("location")).toBe(`${app.url}/auth/auth-code-error`);
    expect(client.cookie(sessionCookie())).toBeUndefined();
    expect(await app.db.sql`select 1 from profiles where telegram_id = ${payload.id}`).toHaveLength(0);
  });
});
