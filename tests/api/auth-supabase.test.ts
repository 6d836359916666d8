// Supabase mode end to end: the production build talks to a local GoTrue stand-in through the
// real supabase-js / @supabase/ssr clients. Covers the OAuth PKCE callback (Google and the
// custom Telegram OIDC provider share it) and the Telegram widget → Supabase session bridge.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signTelegramFields } from "@/lib/auth/telegram";
import { startApp, type TestApp } from "../helpers/app";
import { Client } from "../helpers/http";
import {
  PUBLISHABLE_KEY,
  SECRET_KEY,
  type StandInUser,
  type SupabaseAuthStandIn,
  ssrCookieValue,
  startSupabaseAuthStandIn,
} from "../helpers/supabase-auth-stand-in";

const BOT_TOKEN = "123:abc";
let standIn: SupabaseAuthStandIn;
let app: TestApp;

beforeAll(async () => {
  standIn = await startSupabaseAuthStandIn();
  app = await startApp({
    NEXT_PUBLIC_SUPABASE_URL: standIn.url,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
    SUPABASE_SECRET_KEY: SECRET_KEY,
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
  });
});
afterAll(async () => {
  await app?.stop();
  await standIn?.close();
});

const sessionCookie = () => standIn.storageKey;
const verifierCookie = () => `${standIn.storageKey}-code-verifier`;

/**
 * A browser that started OAuth sign-in: @supabase/ssr's browser client stored the PKCE code
 * verifier in `sb-<ref>-auth-token-code-verifier` (JSON string, "base64-" + base64url), and the
 * auth server issued a code for that verifier's challenge.
 */
function browserBackFromProvider(user: StandInUser): { client: Client; code: string; verifier: string } {
  const client = new Client(app.url);
  const verifier = randomBytes(32).toString("hex");
  client.setCookie(verifierCookie(), ssrCookieValue(verifier));
  return { client, code: standIn.issueAuthCode(user, verifier), verifier };
}

describe("OAuth callback (/auth/callback)", () => {
  it("exchanges the code, sets the session cookies, redirects to next and creates the profile", async () => {
    const user = standIn.createUser({
      email: "Ada@Example.com",
      provider: "google",
      user_metadata: { full_name: "Ada Lovelace", avatar_url: "https://lh3.example/ada.png" },
    });
    const { client, code, verifier } = browserBackFromProvider(user);
    const res = await client.get(
      `/auth/callback?code=${code}&next=${encodeURIComponent("/history?tab=videos")}`,
    );
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(`${app.url}/history?tab=videos`);
    expect(client.cookie(sessionCookie())).toMatch(/^base64-/);
    expect(client.cookie(verifierCookie())).toBeUndefined();
    const exchange = standIn.requests.find(
      (r) => r.query.grant_type === "pkce" && r.body?.auth_code === code,
    );
    expect(exchange?.body).toMatchObject({ code_verifier: verifier });

    const me = await client.get("/api/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: user.id, email: "ada@example.com", role: "user" });
    const rows = await app.db.sql`select id, email, display_name from profiles where id = ${user.id}`;
    expect(rows).toEqual([{ id: user.id, email: "ada@example.com", display_name: "Ada Lovelace" }]);
  });

  it("uses the per-flow verifier slot when the callback carries sb_flow_id", async () => {
    const user = standIn.createUser({ email: "flow@example.com", provider: "google" });
    const client = new Client(app.url);
    const verifier = randomBytes(32).toString("hex");
    const flowId = randomBytes(16).toString("hex");
    const slot = `${standIn.storageKey}-flow-${flowId}-code-verifier`;
    client.setCookie(slot, ssrCookieValue(verifier));
    client.setCookie(verifierCookie(), ssrCookieValue("a-verifier-of-some-other-flow"));
    const code = standIn.issueAuthCode(user, verifier);
    const res = await client.get(`/auth/callback?code=${code}&next=/profile&sb_flow_id=${flowId}`);
    expect(res.headers.get("location")).toBe(`${app.url}/profile`);
    expect(client.cookie(slot)).toBeUndefined();
    expect((await client.get("/api/me")).body).toMatchObject({ id: user.id });
  });

  it("signs in with the custom Telegram OIDC provider (no email) through the same callback", async () => {
    const user = standIn.createUser({
      email: "",
      provider: "custom:telegram",
      user_metadata: { name: "Tg Person", preferred_username: "tgperson", sub: "777" },
    });
    const { client, code } = browserBackFromProvider(user);
    const res = await client.get(`/auth/callback?code=${code}`);
    expect(res.headers.get("location")).toBe(`${app.url}/`);
    expect((await client.get("/api/me")).body).toMatchObject({ id: user.id, email: null });
    const [row] = await app.db.sql`select display_name from profiles where id = ${user.id}`;
    expect(row?.display_name).toBe("Tg Person");
  });

  it.each([
    ["//evil.com", "/"],
    ["https://evil.com/phish", "/"],
    ["/\\evil.com", "/"],
    ["evil.com", "/"],
    ["/profile", "/profile"],
  ])("keeps next=%s on our origin", async (next, expected) => {
    const user = standIn.createUser({ email: `next-${randomBytes(4).toString("hex")}@example.com` });
    const { client, code } = browserBackFromProvider(user);
    const res = await client.get(`/auth/callback?code=${code}&next=${encodeURIComponent(next)}`);
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(`${app.url}${expected}`);
  });

  it("redirects to the host the browser used behind a proxy (X-Forwarded-Host/-Proto)", async () => {
    const user = standIn.createUser({ email: "proxied@example.com" });
    const { client, code } = browserBackFromProvider(user);
    const res = await client.get(`/auth/callback?code=${code}&next=/profile`, {
      "x-forwarded-host": "atelier.example",
      "x-forwarded-proto": "https",
    });
    expect(res.headers.get("location")).toBe("https://atelier.example/profile");
  });

  it("sends a bad, reused or foreign code to /auth/auth-code-error without a session", async () => {
    const user = standIn.createUser({ email: "unlucky@example.com" });
    const errorPage = `${app.url}/auth/auth-code-error`;

    const unknown = browserBackFromProvider(user);
    const bad = await unknown.client.get("/auth/callback?code=not-a-real-code&next=/profile");
    expect(bad.headers.get("location")).toBe(errorPage);
    expect(unknown.client.cookie(sessionCookie())).toBeUndefined();

    // The code was issued for another browser's verifier (e.g. the link opened elsewhere).
    const other = browserBackFromProvider(user);
    other.client.setCookie(verifierCookie(), ssrCookieValue("someone-elses-verifier"));
    expect((await other.client.get(`/auth/callback?code=${other.code}`)).headers.get("location")).toBe(
      errorPage,
    );
    expect(other.client.cookie(sessionCookie())).toBeUndefined();

    // No verifier cookie at all: the exchange is not even attempted.
    const before = standIn.requests.length;
    const bare = new Client(app.url);
    expect(
      (await bare.get(`/auth/callback?code=${standIn.issueAuthCode(user, "x")}`)).headers.get("location"),
    ).toBe(errorPage);
    expect(standIn.requests.slice(before).some((r) => r.query.grant_type === "pkce")).toBe(false);

    // A code works once.
    const once = browserBackFromProvider(user);
    expect((await once.client.get(`/auth/callback?code=${once.code}`)).headers.get("location")).toBe(
      `${app.url}/`,
    );
    const replay = new Client(app.url);
    replay.setCookie(verifierCookie(), ssrCookieValue(once.verifier));
    expect((await replay.get(`/auth/callback?code=${once.code}`)).headers.get("location")).toBe(errorPage);
    expect((await replay.get("/api/me")).status).toBe(401);

    // A provider refusal carries an error instead of a code.
    const refused = await new Client(app.url).get(
      "/auth/callback?error=access_denied&error_description=denied",
    );
    expect(refused.headers.get("location")).toBe(errorPage);
  });

  it("serves the error page with a way back to sign-in", async () => {
    const res = await new Client(app.url).get("/auth/auth-code-error");
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('href="/login"');
  });

  it("treats a banned user's valid Supabase session as signed out on pages", async () => {
    const user = standIn.createUser({ email: "banned-oauth@example.com", provider: "google" });
    const { client, code } = browserBackFromProvider(user);
    expect((await client.get(`/auth/callback?code=${code}&next=/profile`)).status).toBe(307);
    expect((await client.get("/profile")).status).toBe(200);
    await app.db.sql`update profiles set status = 'banned' where id = ${user.id}`;
    const page = await client.get("/profile");
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/login");
  });

  it("refreshes an expired access token in API routes and stores the rotated tokens", async () => {
    const user = standIn.createUser({ email: "stale@example.com" });
    const client = new Client(app.url);
    const expired = standIn.issueSession(user, { expiresIn: -60 });
    client.setCookie(sessionCookie(), ssrCookieValue(expired));
    expect((await client.get("/api/me")).body).toMatchObject({ id: user.id });
    const rotated = client.cookie(sessionCookie()) ?? "";
    expect(rotated).not.toBe(ssrCookieValue(expired));
    // The rotated cookie keeps working; the old refresh token is spent.
    expect((await client.get("/api/me")).status).toBe(200);
    const replay = new Client(app.url);
    replay.setCookie(sessionCookie(), ssrCookieValue(expired));
    expect((await replay.get("/api/me")).status).toBe(401);
  });

  it("signs out: the session cookies are cleared and the refresh token is revoked", async () => {
    const user = standIn.createUser({ email: "leaver@example.com" });
    const { client, code } = browserBackFromProvider(user);
    await client.get(`/auth/callback?code=${code}`);
    const stolen = client.cookie(sessionCookie()) ?? "";
    expect((await client.post("/api/auth/signout")).status).toBe(200);
    expect(client.cookie(sessionCookie())).toBeUndefined();
    expect((await client.get("/api/me")).status).toBe(401);
    expect(standIn.requestsTo("POST", "/auth/v1/logout").at(-1)?.query.scope).toBe("local");
    // The old cookie's access token is still a valid JWT until it expires, but its session is gone
    // on the auth server, so nothing that asks the server (refresh, getUser) accepts it.
    const replay = new Client(app.url);
    replay.setCookie(sessionCookie(), stolen);
    const session = JSON.parse(Buffer.from(stolen.slice("base64-".length), "base64url").toString());
    const refreshed = await fetch(`${standIn.url}/auth/v1/token?grant_type=refresh_token`, {
      method: "POST",
      headers: { apikey: PUBLISHABLE_KEY, "content-type": "application/json" },
      body: JSON.stringify({ refresh_token: session.refresh_token }),
    });
    expect(refreshed.status).toBe(400);
  });
});

describe("Telegram widget bridged into a Supabase session", () => {
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
  const adminCalls = () =>
    standIn.requests.filter((r) => r.path.startsWith("/auth/v1/admin/") || r.path === "/auth/v1/verify")
      .length;

  it("verifies the widget, mints a session through a magic-link token and creates the profile", async () => {
    const payload = widget();
    const client = new Client(app.url);
    const res = await client.post("/api/auth/telegram", payload);
    expect(res.status).toBe(200);
    expect(client.cookie(sessionCookie())).toMatch(/^base64-/);

    const authUser = standIn.findUserByEmail(`tg_${payload.id}@telegram.atelier.invalid`);
    expect(authUser?.user_metadata).toMatchObject({ telegram_id: payload.id, name: "Grace" });
    expect(res.body).toMatchObject({ id: authUser?.id, role: "user" });
    const verify = standIn.requestsTo("POST", "/auth/v1/verify").at(-1);
    expect(verify?.body).toMatchObject({ type: "email", token_hash: expect.any(String) });

    const me = await client.get("/api/me");
    expect(me.body).toMatchObject({ id: authUser?.id });
    const rows = await app.db
      .sql`select id, telegram_id::text from profiles where telegram_id = ${payload.id}`;
    expect(rows).toEqual([{ id: authUser?.id, telegram_id: payload.id }]);
  });

  it("signs a returning Telegram user into the same account without a duplicate", async () => {
    const first = widget();
    const one = new Client(app.url);
    await one.post("/api/auth/telegram", first);
    const again = widget({ id: first.id });
    const two = new Client(app.url);
    const res = await two.post("/api/auth/telegram", again);
    expect(res.status).toBe(200);
    expect((await two.get("/api/me")).body).toMatchObject({ id: (await one.get("/api/me")).body.id });
    const rows = await app.db.sql`select id from profiles where telegram_id = ${first.id}`;
    expect(rows).toHaveLength(1);
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
    expect(res.body).toMatchObject({ error: expect.any(String), code: expect.any(String) });
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
    const res = await client.post("/api/auth/telegram", widget({ id: first.id }));
    expect(res.status).toBe(403);
    expect(client.cookie(sessionCookie())).toBeUndefined();
    expect(standIn.requestsTo("POST", "/auth/v1/verify")).toHaveLength(verifiesBefore);
  });

  it("links Telegram to a signed-in account, and later Telegram sign-ins open that account", async () => {
    const user = standIn.createUser({ email: "linker@example.com", provider: "google" });
    const { client, code } = browserBackFromProvider(user);
    await client.get(`/auth/callback?code=${code}`);
    const payload = widget();
    const linked = await client.post("/api/auth/telegram", payload);
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ id: user.id, email: "linker@example.com" });
    const [row] = await app.db.sql`select telegram_id::text from profiles where id = ${user.id}`;
    expect(row?.telegram_id).toBe(payload.id);
    expect(standIn.findUserByEmail(`tg_${payload.id}@telegram.atelier.invalid`)).toBeUndefined();

    const elsewhere = new Client(app.url);
    const res = await elsewhere.post("/api/auth/telegram", widget({ id: payload.id }));
    expect(res.status).toBe(200);
    expect((await elsewhere.get("/api/me")).body).toMatchObject({ id: user.id, email: "linker@example.com" });
  });

  it("links Telegram for a caller whose access token had expired, keeping their session", async () => {
    const user = standIn.createUser({ email: "late-linker@example.com", provider: "google" });
    const client = new Client(app.url);
    client.setCookie(sessionCookie(), ssrCookieValue(standIn.issueSession(user)));
    expect((await client.get("/api/me")).status).toBe(200);
    client.setCookie(sessionCookie(), ssrCookieValue(standIn.issueSession(user, { expiresIn: -60 })));
    const res = await client.post("/api/auth/telegram", widget());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id });
    expect((await client.get("/api/me")).body).toMatchObject({ id: user.id });
  });

  it("will not move a Telegram account that belongs to another profile", async () => {
    const owner = widget();
    await new Client(app.url).post("/api/auth/telegram", owner);
    const user = standIn.createUser({ email: "thief@example.com", provider: "google" });
    const { client, code } = browserBackFromProvider(user);
    await client.get(`/auth/callback?code=${code}`);
    const res = await client.post("/api/auth/telegram", widget({ id: owner.id }));
    expect(res.status).toBe(409);
    expect(
      await app.db.sql`select 1 from profiles where id = ${user.id} and telegram_id is not null`,
    ).toHaveLength(0);
  });
});
