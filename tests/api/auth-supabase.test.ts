// Supabase mode end to end: the production build talks to a local GoTrue stand-in through the
// real supabase-js / @supabase/ssr clients. Covers the OAuth PKCE callback (Google and the
// custom Telegram OIDC provider share it), session refresh and sign-out. The Telegram widget
// bridge is in auth-supabase-telegram.test.ts.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { Client } from "../helpers/http";
import {
  PUBLISHABLE_KEY,
  type StandInUser,
  type SupabaseAuthStandIn,
  ssrCookieValue,
  startSupabaseAuthStandIn,
  supabaseEnv,
} from "../helpers/supabase-auth-stand-in";
import { browserBackFromProvider as backFromProvider } from "../helpers/supabase-browser";

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

const sessionCookie = () => standIn.storageKey;
const verifierCookie = () => `${standIn.storageKey}-code-verifier`;

const browserBackFromProvider = (user: StandInUser, next?: string) =>
  backFromProvider(app.url, standIn, user, next);

describe("OAuth callback (/auth/callback)", () => {
  it("exchanges the code, sets the session cookies, redirects to next and creates the profile", async () => {
    const user = await standIn.createUser({
      email: "Ada@Example.com",
      provider: "google",
      user_metadata: { full_name: "Ada Lovelace", avatar_url: "https://lh3.example/ada.png" },
    });
    const { client, code, verifier } = await browserBackFromProvider(user, "/history?tab=videos");
    const res = await client.get(`/auth/callback?code=${code}`);
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
    const user = await standIn.createUser({ email: "flow@example.com", provider: "google" });
    const client = new Client(app.url);
    const verifier = randomBytes(32).toString("hex");
    const flowId = randomBytes(16).toString("hex");
    const slot = `${standIn.storageKey}-flow-${flowId}-code-verifier`;
    client.setCookie(slot, ssrCookieValue(verifier));
    client.setCookie(verifierCookie(), ssrCookieValue("a-verifier-of-some-other-flow"));
    const code = standIn.issueAuthCode(user, verifier);
    await client.post("/api/auth/intent", { next: "/profile" });
    const res = await client.get(`/auth/callback?code=${code}&sb_flow_id=${flowId}`);
    expect(res.headers.get("location")).toBe(`${app.url}/profile`);
    expect(client.cookie(slot)).toBeUndefined();
    expect((await client.get("/api/me")).body).toMatchObject({ id: user.id });
  });

  it("signs in with the custom Telegram OIDC provider (no email) through the same callback", async () => {
    const user = await standIn.createUser({
      email: "",
      provider: "custom:telegram",
      user_metadata: { name: "Tg Person", preferred_username: "tgperson", sub: "777" },
    });
    const { client, code } = await browserBackFromProvider(user);
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
  ])("keeps a remembered next=%s on our origin", async (next, expected) => {
    const user = await standIn.createUser({ email: `next-${randomBytes(4).toString("hex")}@example.com` });
    const { client, code } = await browserBackFromProvider(user, next);
    const res = await client.get(`/auth/callback?code=${code}`);
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(`${app.url}${expected}`);
  });

  it("goes where the sign-in page said, once, and ignores a next in the callback URL", async () => {
    const user = await standIn.createUser({ email: "once@example.com" });
    const { client, code } = await browserBackFromProvider(user, "/history");
    const res = await client.get(`/auth/callback?code=${code}&next=/admin`);
    expect(res.headers.get("location")).toBe(`${app.url}/history`);
    expect(client.cookie("atelier_sign_in")).toBeUndefined();
    const again = await browserBackFromProvider(user);
    again.client.setCookie("atelier_sign_in", "forged.1.sig");
    expect((await again.client.get(`/auth/callback?code=${again.code}`)).headers.get("location")).toBe(
      `${app.url}/`,
    );
  });

  it("redirects to the host the browser used behind a proxy (X-Forwarded-Host/-Proto)", async () => {
    const user = await standIn.createUser({ email: "proxied@example.com" });
    const { client, code } = await browserBackFromProvider(user, "/profile");
    const res = await client.get(`/auth/callback?code=${code}`, {
      "x-forwarded-host": "atelier.example",
      "x-forwarded-proto": "https",
    });
    expect(res.headers.get("location")).toBe("https://atelier.example/profile");
  });

  it("sends a bad, reused or foreign code to /auth/auth-code-error without a session", async () => {
    const user = await standIn.createUser({ email: "unlucky@example.com" });
    const errorPage = `${app.url}/auth/auth-code-error`;

    const unknown = await browserBackFromProvider(user, "/profile");
    const bad = await unknown.client.get("/auth/callback?code=not-a-real-code");
    expect(bad.headers.get("location")).toBe(errorPage);
    expect(unknown.client.cookie(sessionCookie())).toBeUndefined();

    // The code was issued for another browser's verifier (e.g. the link opened elsewhere).
    const other = await browserBackFromProvider(user);
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
    const once = await browserBackFromProvider(user);
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
    const user = await standIn.createUser({ email: "banned-oauth@example.com", provider: "google" });
    const { client, code } = await browserBackFromProvider(user, "/profile");
    expect((await client.get(`/auth/callback?code=${code}`)).status).toBe(307);
    expect((await client.get("/profile")).status).toBe(200);
    await app.db.sql`update profiles set status = 'banned' where id = ${user.id}`;
    const page = await client.get("/profile");
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/login");
  });

  it("refreshes an expired access token in API routes and stores the rotated tokens", async () => {
    const user = await standIn.createUser({ email: "stale@example.com" });
    const client = new Client(app.url);
    const expired = standIn.issueSession(user, { expiresIn: -60 });
    client.setCookie(sessionCookie(), ssrCookieValue(expired));
    expect((await client.get("/api/me")).body).toMatchObject({ id: user.id });
    const rotated = client.cookie(sessionCookie()) ?? "";
    expect(rotated).not.toBe(ssrCookieValue(expired));
    expect((await client.get("/api/me")).status).toBe(200);
  });

  it("lets a lost refresh answer be retried, as Supabase Auth does, but not an old token later", async () => {
    const user = await standIn.createUser({ email: "reuse@example.com" });
    const expired = standIn.issueSession(user, { expiresIn: -60 });
    const first = new Client(app.url);
    first.setCookie(sessionCookie(), ssrCookieValue(expired));
    expect((await first.get("/api/me")).status).toBe(200);
    // A browser that never stored the rotated cookie sends the spent token again: it is the
    // parent of the active one, so Supabase Auth hands back the active one (no sign-out).
    const retry = new Client(app.url);
    retry.setCookie(sessionCookie(), ssrCookieValue(expired));
    expect((await retry.get("/api/me")).body).toMatchObject({ id: user.id });

    // Two rotations later, and past the 10 s reuse interval, the first token is theft: Supabase
    // Auth revokes the whole token family, the thief's and the rightful browser's alike.
    const dueForRefresh = (client: Client) => {
      const stored = JSON.parse(
        Buffer.from((client.cookie(sessionCookie()) ?? "").slice(7), "base64url").toString(),
      );
      return ssrCookieValue({ ...stored, expires_at: 1, access_token: expired.access_token });
    };
    const rightful = new Client(app.url);
    rightful.setCookie(sessionCookie(), dueForRefresh(first));
    expect((await rightful.get("/api/me")).status).toBe(200);
    standIn.advanceClock(11);
    const thief = new Client(app.url);
    thief.setCookie(sessionCookie(), ssrCookieValue(expired));
    expect((await thief.get("/api/me")).status).toBe(401);
    standIn.advanceClock(11);
    rightful.setCookie(sessionCookie(), dueForRefresh(rightful));
    expect((await rightful.get("/api/me")).status).toBe(401);
  });

  it("signs out: the session cookies are cleared and the refresh token is revoked", async () => {
    const user = await standIn.createUser({ email: "leaver@example.com" });
    const { client, code } = await browserBackFromProvider(user);
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
