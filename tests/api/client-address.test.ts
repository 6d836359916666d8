// Who the client is, and whether it came over https, is taken from forwarding headers only
// when the peer is a trusted proxy (TRUSTED_PROXIES); anyone else is known by their socket.
// Per-IP limits, session records and Secure cookies all depend on it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { Client, latestCode } from "../helpers/http";

let direct: TestApp; // nobody trusted: the socket is the client
let proxied: TestApp; // 127.0.0.1, where the tests connect from, is a trusted proxy
let public_: TestApp; // served at an https origin
beforeAll(async () => {
  [direct, proxied, public_] = await Promise.all([
    startApp({ TRUSTED_PROXIES: "" }),
    startApp({ TRUSTED_PROXIES: "127.0.0.1" }),
    startApp({ APP_URL: "https://atelier.example" }),
  ]);
});
afterAll(() => Promise.all([direct?.stop(), proxied?.stop(), public_?.stop()]));

/** Requests a code and verifies it; answers the session cookie line and the session's recorded ip. */
async function signInRaw(app: TestApp, email: string, headers: Record<string, string> = {}) {
  const client = new Client(app.url, headers);
  expect((await client.post("/api/auth/otp", { email })).status).toBe(200);
  const res = await fetch(`${app.url}/api/auth/otp/verify`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, code: await latestCode(client, email) }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((line) => line.startsWith("atelier_session=")) ?? "";
  const [session] = await app.db.sql<{ ip: string | null }[]>`
    select sessions.ip from sessions join profiles on profiles.id = sessions.user_id
    where profiles.email = ${email}`;
  return { cookie, ip: session?.ip ?? null };
}

const secure = (cookie: string) => /;\s*secure/i.test(cookie);

describe("without trusted proxies", () => {
  it("ignores X-Forwarded-For and X-Forwarded-Proto sent by the client", async () => {
    const { cookie, ip } = await signInRaw(direct, "direct@example.com", {
      "x-forwarded-for": "203.0.113.9",
      "x-forwarded-proto": "https",
    });
    expect(ip).toBe("127.0.0.1");
    expect(cookie).not.toBe("");
    expect(secure(cookie)).toBe(false);
  });

  it("keeps the per-IP limit however the client rotates X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const client = new Client(direct.url, { "x-forwarded-for": `198.51.100.${i + 1}` });
      statuses.push((await client.post("/api/auth/otp", { email: `rotate${i}@example.com` })).status);
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(20);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("behind a trusted proxy", () => {
  it("takes the client from X-Forwarded-For: the right-most address the proxy did not vouch for", async () => {
    const { ip } = await signInRaw(proxied, "behind@example.com", {
      // The left entry is whatever the client claimed; the proxy appended what it saw.
      "x-forwarded-for": "10.9.9.9, 203.0.113.7",
    });
    expect(ip).toBe("203.0.113.7");
  });

  it("gives each forwarded client its own per-IP limit", async () => {
    const one = new Client(proxied.url, { "x-forwarded-for": "203.0.113.20" });
    const fromOne: number[] = [];
    for (let i = 0; i < 21; i++)
      fromOne.push((await one.post("/api/auth/otp", { email: `one${i}@example.com` })).status);
    expect(fromOne.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(fromOne[20]).toBe(429);
    const other = new Client(proxied.url, { "x-forwarded-for": "203.0.113.21" });
    expect((await other.post("/api/auth/otp", { email: "other@example.com" })).status).toBe(200);
  });

  it("sets a Secure session cookie when the proxy says https, and none over plain http", async () => {
    const overHttps = await signInRaw(proxied, "tls@example.com", {
      "x-forwarded-for": "203.0.113.30",
      "x-forwarded-proto": "https",
    });
    expect(secure(overHttps.cookie)).toBe(true);
    const overHttp = await signInRaw(proxied, "plain@example.com", { "x-forwarded-for": "203.0.113.31" });
    expect(overHttp.cookie).not.toBe("");
    expect(secure(overHttp.cookie)).toBe(false);
  });
});

describe("served at an https origin", () => {
  it("sets a Secure session cookie", async () => {
    const { cookie } = await signInRaw(public_, "origin@example.com");
    expect(secure(cookie)).toBe(true);
  });
});
