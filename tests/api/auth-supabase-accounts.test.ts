// Supabase-mode accounts against a Supabase-shaped database: where OAuth really lands given
// the project's Site URL and redirect allow-list, a deleted auth user, ADMIN_EMAILS on
// existing profiles, legacy HS256 projects, and local sign-in refusing a Supabase database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oauthRedirectTo } from "@/lib/supabase/browser";
import { startApp, type TestApp } from "../helpers/app";
import { Client } from "../helpers/http";
import {
  type SupabaseAuthStandIn,
  ssrCookieValue,
  startSupabaseAuthStandIn,
  supabaseEnv,
} from "../helpers/supabase-auth-stand-in";
import { browserBackFromProvider, startOAuth } from "../helpers/supabase-browser";

// The app is served at https://atelier.example; the project's Site URL was left elsewhere
// (hosted projects start at http://localhost:3000) and the allow-list holds the exact callback.
const PUBLIC_ORIGIN = "https://atelier.example";
const SITE_URL = "https://atelier-marketing.example";

let standIn: SupabaseAuthStandIn;
let app: TestApp;

beforeAll(async () => {
  standIn = await startSupabaseAuthStandIn({
    siteUrl: SITE_URL,
    redirectAllowList: [`${PUBLIC_ORIGIN}/auth/callback`],
  });
  app = await startApp({
    ...supabaseEnv(standIn),
    ADMIN_EMAILS: "boss@example.com",
  });
});
afterAll(async () => {
  await app?.stop();
  await standIn?.close();
});

describe("OAuth against the project's redirect allow-list", () => {
  it("comes back to our callback, not to the Site URL, and signs the browser in", async () => {
    const user = await standIn.createUser({ email: "round-trip@example.com", provider: "google" });
    standIn.setProviderAccount("google", user);
    const { landing, cookies } = await startOAuth(standIn, "google", oauthRedirectTo(PUBLIC_ORIGIN));
    expect(`${landing.origin}${landing.pathname}`).toBe(`${PUBLIC_ORIGIN}/auth/callback`);
    // The browser follows that redirect to the app (here reached at its local address).
    const browser = new Client(app.url);
    for (const [name, value] of cookies) browser.setCookie(name, value);
    await browser.post("/api/auth/intent", { next: "/history" });
    const res = await browser.get(`/auth/callback${landing.search}`);
    expect(res.headers.get("location")).toBe(`${app.url}/history`);
    expect((await browser.get("/api/me")).body).toMatchObject({ id: user.id });
  });

  it("(as Supabase Auth does) sends a redirect_to with a query to the Site URL", async () => {
    const { landing } = await startOAuth(standIn, "google", `${PUBLIC_ORIGIN}/auth/callback?next=%2Fhistory`);
    expect(landing.origin).toBe(SITE_URL);
  });
});

describe("accounts", () => {
  it("answers 401, not 500, to a deleted user's still-valid access token", async () => {
    const user = await standIn.createUser({ email: "leaving@example.com", provider: "google" });
    const { client, code } = await browserBackFromProvider(app.url, standIn, user);
    await client.get(`/auth/callback?code=${code}`);
    expect((await client.get("/api/me")).status).toBe(200);
    await standIn.deleteUser(user);
    expect(await app.db.sql`select 1 from profiles where id = ${user.id}`).toHaveLength(0);
    const res = await client.get("/api/me");
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: "unauthorized" } });
    expect((await client.get("/profile")).status).not.toBe(500);
  });

  it("makes an ADMIN_EMAILS address admin on its next request, not only at its first sign-in", async () => {
    const user = await standIn.createUser({ email: "boss@example.com", provider: "google" });
    const client = new Client(app.url);
    client.setCookie(standIn.storageKey, ssrCookieValue(standIn.issueSession(user)));
    expect((await client.get("/api/me")).body).toMatchObject({ role: "admin" });
    // A profile from before the address was listed (or demoted since) is promoted again.
    await app.db.sql`update profiles set role = 'user' where id = ${user.id}`;
    expect((await client.get("/api/me")).body).toMatchObject({ role: "admin" });
  });
});

describe("a legacy project signing with the shared HS256 secret", () => {
  let legacy: SupabaseAuthStandIn;
  let legacyApp: TestApp;
  beforeAll(async () => {
    legacy = await startSupabaseAuthStandIn({ signing: "HS256" });
    legacyApp = await startApp({
      ...supabaseEnv(legacy),
    });
  });
  afterAll(async () => {
    await legacyApp?.stop();
    await legacy?.close();
  });

  it("signs in, asks the auth server about each token, and drops a deleted user at once", async () => {
    const user = await legacy.createUser({ email: "legacy@example.com", provider: "google" });
    const { client, code } = await browserBackFromProvider(legacyApp.url, legacy, user);
    await client.get(`/auth/callback?code=${code}`);
    expect((await client.get("/api/me")).body).toMatchObject({ id: user.id });
    expect(legacy.requestsTo("GET", "/auth/v1/user").length).toBeGreaterThan(0);
    await legacy.deleteUser(user);
    expect((await client.get("/api/me")).status).toBe(401);
  });
});

describe("local sign-in on a Supabase database", () => {
  it("refuses to start, and says what to set", async () => {
    await expect(startApp({}, { supabaseDatabase: true })).rejects.toThrow(
      /Local sign-in cannot use this database[\s\S]*NEXT_PUBLIC_SUPABASE_URL/,
    );
  });
});
