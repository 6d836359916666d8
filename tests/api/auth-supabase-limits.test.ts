// Supabase Auth seen from a server: every refresh comes from the app's address, and Supabase
// Auth rate-limits /token per address (here a tiny bucket: 3 of burst, 3 per 5 minutes, with
// IP address forwarding switched on). The app forwards each visitor's address the way Supabase
// documents it, and a refresh the auth server could not serve keeps the visitor signed in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { Client } from "../helpers/http";
import {
  SECRET_KEY,
  type SupabaseAuthStandIn,
  ssrCookieValue,
  startSupabaseAuthStandIn,
  supabaseEnv,
} from "../helpers/supabase-auth-stand-in";

let standIn: SupabaseAuthStandIn;
let app: TestApp;

beforeAll(async () => {
  standIn = await startSupabaseAuthStandIn({
    ipForwarding: true,
    rateLimits: { token: { perFiveMinutes: 3, burst: 3 } },
  });
  app = await startApp({
    ...supabaseEnv(standIn),
  });
});
afterAll(async () => {
  await app?.stop();
  await standIn?.close();
});

let n = 0;
/** A visitor at `address` (named by the trusted proxy in front) whose access token has expired. */
async function expiredVisitor(address: string) {
  const user = await standIn.createUser({ email: `visitor${n++}@example.com`, provider: "google" });
  const client = new Client(app.url, { "x-forwarded-for": address });
  const cookie = ssrCookieValue(standIn.issueSession(user, { expiresIn: -60 }));
  client.setCookie(standIn.storageKey, cookie);
  return { user, client, cookie };
}
const refreshes = () => standIn.requests.filter((r) => r.query.grant_type === "refresh_token");

describe("refreshing sessions behind one server address", () => {
  it("counts each visitor's refreshes against their own address, not the server's", async () => {
    const visitors = await Promise.all(
      ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"].map(expiredVisitor),
    );
    for (const { user, client } of visitors)
      expect((await client.get("/api/me")).body).toMatchObject({ id: user.id });
    const sent = refreshes().slice(-4);
    expect(sent.map((r) => r.headers["sb-forwarded-for"])).toEqual([
      "198.51.100.1",
      "198.51.100.2",
      "198.51.100.3",
      "198.51.100.4",
    ]);
    // Supabase honours the forwarded address only on requests made with a secret key.
    expect(sent.every((r) => r.headers.apikey === SECRET_KEY)).toBe(true);
  });

  it("keeps the session cookies when the refresh is rate-limited, and refreshes once the bucket refills", async () => {
    const others = await Promise.all([1, 2, 3].map(() => expiredVisitor("203.0.113.9")));
    for (const { client } of others) await client.get("/api/me");
    const { user, client, cookie } = await expiredVisitor("203.0.113.9");
    const limited = await client.get("/api/me");
    expect(limited.status).toBe(401);
    expect(client.cookie(standIn.storageKey)).toBe(cookie);
    const page = await client.get("/profile");
    expect(page.headers.get("location")).toContain("/login");
    expect(client.cookie(standIn.storageKey)).toBe(cookie);

    standIn.advanceClock(5 * 60);
    expect((await client.get("/api/me")).body).toMatchObject({ id: user.id });
    expect(client.cookie(standIn.storageKey)).not.toBe(cookie);
  });

  it.each([
    ["an auth server error", { status: 503 }, "192.0.2.77"],
    ["no answer at all", "network", "192.0.2.78"],
  ] as const)(
    "keeps the session through %s, without making the request wait",
    async (_label, failure, address) => {
      const { user, client, cookie } = await expiredVisitor(address);
      standIn.failRefreshes(failure);
      try {
        const started = Date.now();
        expect((await client.get("/api/me")).status).toBe(401);
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(client.cookie(standIn.storageKey)).toBe(cookie);
      } finally {
        standIn.failRefreshes(null);
      }
      expect((await client.get("/api/me")).body).toMatchObject({ id: user.id });
    },
  );

  it("marks an API response that carries refreshed session cookies as not cacheable", async () => {
    const { client } = await expiredVisitor("192.0.2.88");
    const res = await client.get("/api/me");
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().some((c) => c.startsWith(standIn.storageKey))).toBe(true);
    expect(res.headers.get("cache-control")).toMatch(/no-store/);
    expect(res.headers.get("expires")).toBe("0");
  });
});
