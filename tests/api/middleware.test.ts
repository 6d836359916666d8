// Page protection in middleware.ts, in both auth modes: signed-out visitors of protected pages
// go to /login?next=…, only admins reach /admin, and the cached role cookie cannot be forged,
// borrowed or kept past its expiry. In Supabase mode the access token is verified (getClaims
// against the stand-in's JWKS) and refreshed when expired.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRoleCookie } from "@/lib/auth/role-cookie";
import { startApp, TEST_SESSION_SECRET, type TestApp } from "../helpers/app";
import { Client, type Reply, signIn } from "../helpers/http";
import {
  createSigningKey,
  type StandInSession,
  type StandInUser,
  type SupabaseAuthStandIn,
  signJwt,
  ssrCookieValue,
  startSupabaseAuthStandIn,
  supabaseEnv,
} from "../helpers/supabase-auth-stand-in";

const ROLE_COOKIE = "atelier_role";
const OTHER_USER = "0b7e4f8a-1c2d-4e5f-8a9b-c0d1e2f3a4b5";

function redirectTarget(res: Reply): string | null {
  const location = res.headers.get("location");
  if (!location) return null;
  const url = new URL(location, "http://relative.invalid");
  return url.pathname + url.search;
}

/** Role cookies an attacker could present while signed in as `userId`. */
function forgedRoleCookies(userId: string): [string, string][] {
  const valid = signRoleCookie(TEST_SESSION_SECRET, userId, "user");
  const [id, , expires, signature] = valid.split(".");
  const longAgo = Date.now() - 60 * 60 * 1000;
  return [
    ["admin with the user cookie's signature", `${id}.admin.${expires}.${signature}`],
    [
      "admin signed with another secret",
      signRoleCookie("not-the-server-secret-0123456789abcdef", userId, "admin"),
    ],
    ["another user's valid admin cookie", signRoleCookie(TEST_SESSION_SECRET, OTHER_USER, "admin")],
    ["an expired admin cookie for this user", signRoleCookie(TEST_SESSION_SECRET, userId, "admin", longAgo)],
  ];
}

describe("middleware in local mode", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app?.stop());

  it.each([
    ["/profile", "/login?next=%2Fprofile"],
    ["/history", "/login?next=%2Fhistory"],
    ["/admin", "/login?next=%2Fadmin"],
    ["/admin/users?page=2", "/login?next=%2Fadmin%2Fusers%3Fpage%3D2"],
  ])("sends a signed-out visitor of %s to %s", async (path, target) => {
    const res = await new Client(app.url).get(path);
    expect(res.status).toBe(307);
    expect(redirectTarget(res)).toBe(target);
  });

  it("leaves public pages and API routes alone", async () => {
    const client = new Client(app.url);
    expect((await client.get("/")).status).toBe(200);
    expect((await client.get("/login")).status).toBe(200);
    const api = await client.get("/api/me");
    expect(api.status).toBe(401);
    expect(api.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it("treats an expired or unknown session as signed out", async () => {
    const client = await signIn(app.url, "lapsed@example.com", { "x-forwarded-for": "10.2.0.1" });
    await app.db.sql`update sessions set expires_at = now() - interval '1 second'`;
    expect(redirectTarget(await client.get("/profile"))).toBe("/login?next=%2Fprofile");
    const stranger = new Client(app.url);
    stranger.setCookie("atelier_session", "not-a-session");
    expect(redirectTarget(await stranger.get("/profile"))).toBe("/login?next=%2Fprofile");
  });

  it("treats a banned user's session as signed out on pages, as the API does", async () => {
    const client = await signIn(app.url, "banned@example.com", { "x-forwarded-for": "10.2.0.4" });
    expect((await client.get("/profile")).status).toBe(200);
    // Banned outside the admin console (which also ends sessions): the session row remains.
    await app.db.sql`update profiles set status = 'banned' where email = 'banned@example.com'`;
    expect((await client.get("/api/me")).status).toBe(401);
    const page = await client.get("/profile");
    expect(page.status).toBe(307);
    expect(redirectTarget(page)).toBe("/login?next=%2Fprofile");
    const home = await client.get("/");
    expect(home.status).toBe(200);
    expect(String(home.body)).not.toContain("banned@example.com");
  });

  it("lets a signed-in user through, but not into /admin, whatever role cookie they bring", async () => {
    const client = await signIn(app.url, "plain@example.com", { "x-forwarded-for": "10.2.0.2" });
    const me = (await client.get("/api/me")).body as { id: string };
    expect((await client.get("/profile")).status).toBe(200);
    const admin = await client.get("/admin");
    expect(admin.status).toBe(307);
    expect(redirectTarget(admin)).toBe("/");
    for (const [label, cookie] of forgedRoleCookies(me.id)) {
      client.setCookie(ROLE_COOKIE, cookie);
      const res = await client.get("/admin");
      expect({ label, target: redirectTarget(res) }).toEqual({ label, target: "/" });
    }
  });

  it("lets an admin into /admin", async () => {
    const client = await signIn(app.url, "chief@example.com", { "x-forwarded-for": "10.2.0.3" });
    await app.db.sql`update profiles set role = 'admin' where email = 'chief@example.com'`;
    const res = await client.get("/admin");
    expect(redirectTarget(res)).toBeNull();
    expect([200, 404]).toContain(res.status); // 404 until an /admin page exists
    expect(client.cookie(ROLE_COOKIE)).toMatch(/\.admin\./);
  });
});

describe("middleware in Supabase mode", () => {
  let standIn: SupabaseAuthStandIn;
  let app: TestApp;
  beforeAll(async () => {
    standIn = await startSupabaseAuthStandIn();
    app = await startApp({
      ...supabaseEnv(standIn),
      TELEGRAM_BOT_TOKEN: "123:abc",
    });
  });
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  let n = 0;
  async function signedIn(session?: (user: StandInUser) => unknown) {
    const user = await standIn.createUser({ email: `member${n++}@example.com`, provider: "google" });
    const client = new Client(app.url);
    client.setCookie(
      standIn.storageKey,
      ssrCookieValue(session ? session(user) : standIn.issueSession(user)),
    );
    return { user, client };
  }
  const withToken = (s: StandInSession, accessToken: string) => ({ ...s, access_token: accessToken });
  const claimsOf = (s: StandInSession) =>
    JSON.parse(Buffer.from(s.access_token.split(".")[1] ?? "", "base64url").toString()) as Record<
      string,
      unknown
    >;

  it("sends a signed-out visitor to /login?next=…", async () => {
    const res = await new Client(app.url).get("/profile");
    expect(res.status).toBe(307);
    expect(redirectTarget(res)).toBe("/login?next=%2Fprofile");
  });

  it("lets a visitor with a valid access token through", async () => {
    const { client } = await signedIn();
    const res = await client.get("/profile");
    expect(res.status).toBe(200);
    expect(standIn.requestsTo("GET", "/auth/v1/.well-known/jwks.json").length).toBeGreaterThan(0);
  });

  it("refreshes an expired access token with the refresh token, and the page sees the new one", async () => {
    const { user, client } = await signedIn((u) => standIn.issueSession(u, { expiresIn: -60 }));
    const before = client.cookie(standIn.storageKey);
    const res = await client.get("/profile");
    expect(res.status).toBe(200);
    expect(client.cookie(standIn.storageKey)).not.toBe(before);
    expect((await client.get("/api/me")).body).toMatchObject({ id: user.id });
  });

  it.each<[string, (s: StandInSession) => unknown]>([
    ["an expired token whose refresh token is revoked", (s) => ({ ...s, refresh_token: "revoked" })],
    [
      "an expired token whose cookie claims it is still fresh",
      (s) => ({ ...s, expires_at: Math.floor(Date.now() / 1000) + 3600 }),
    ],
  ])("redirects with %s", async (_label, tamper) => {
    const { client } = await signedIn((u) => tamper(standIn.issueSession(u, { expiresIn: -60 })));
    expect(redirectTarget(await client.get("/profile"))).toBe("/login?next=%2Fprofile");
    expect((await client.get("/api/me")).status).toBe(401);
  });

  it.each<[string, (s: StandInSession) => string]>([
    // Same kid as the real key, so getClaims verifies with WebCrypto and the signature fails.
    [
      "an ES256 token signed by another key",
      (s) => signJwt(claimsOf(s), createSigningKey(standIn.signingKey.kid)),
    ],
    // No usable JWK: getClaims falls back to asking the auth server (GET /user), which refuses.
    ["an HS256 token", (s) => signJwt(claimsOf(s), { secret: "guessed", kid: "hs" })],
    [
      "an alg=none token",
      (s) => signJwt(claimsOf(s), standIn.signingKey, { alg: "none" }).replace(/[^.]+$/, ""),
    ],
    [
      "a token for a user the auth server does not know",
      (s) => signJwt({ ...claimsOf(s), sub: OTHER_USER }, { secret: "x" }),
    ],
    ["garbage", () => "not.a.jwt"],
  ])("redirects with %s", async (_label, forge) => {
    const { client } = await signedIn((u) => {
      const session = standIn.issueSession(u);
      return withToken(session, forge(session));
    });
    const res = await client.get("/profile");
    expect(res.status).toBe(307);
    expect(redirectTarget(res)).toBe("/login?next=%2Fprofile");
    expect((await client.get("/api/me")).status).toBe(401);
  });

  it("keeps a plain user out of /admin, whatever role cookie they bring", async () => {
    const { user, client } = await signedIn();
    expect((await client.get("/api/me")).status).toBe(200); // creates the profile
    expect(redirectTarget(await client.get("/admin"))).toBe("/");
    for (const [label, cookie] of forgedRoleCookies(user.id)) {
      client.setCookie(ROLE_COOKIE, cookie);
      const res = await client.get("/admin");
      expect({ label, target: redirectTarget(res) }).toEqual({ label, target: "/" });
    }
  });

  // A redirect must carry the rotated tokens, or the browser keeps a refresh token the auth
  // server has already revoked and is signed out on the next request.
  it("keeps a refreshed session when it redirects a non-admin away from /admin", async () => {
    const { user, client } = await signedIn();
    expect((await client.get("/api/me")).status).toBe(200);
    client.setCookie(standIn.storageKey, ssrCookieValue(standIn.issueSession(user, { expiresIn: -60 })));
    expect(redirectTarget(await client.get("/admin"))).toBe("/");
    expect((await client.get("/profile")).status).toBe(200);
  });

  it("lets an admin into /admin", async () => {
    const { user, client } = await signedIn();
    expect((await client.get("/api/me")).status).toBe(200);
    await app.db.sql`update profiles set role = 'admin' where id = ${user.id}`;
    const res = await client.get("/admin");
    expect(redirectTarget(res)).toBeNull();
    expect([200, 404]).toContain(res.status); // 404 until an /admin page exists
  });
});
