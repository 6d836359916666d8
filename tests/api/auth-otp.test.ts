import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { Client, latestCode, signIn } from "../helpers/http";

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ ADMIN_EMAILS: "boss@example.com" });
});
afterAll(() => app?.stop());

// Each case uses its own address so rate limits of one do not leak into another.
const email = (name: string) => `${name}@example.com`;
const ip = (n: number) => ({ "x-forwarded-for": `10.0.0.${n}` });

describe("email one-time code sign-in", () => {
  it("signs in with the code from the mailbox, creates the profile once and reports it at /api/me", async () => {
    const client = await signIn(app.url, email("Alice"), ip(1));
    const me = await client.get("/api/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: "alice@example.com", role: "user", credits: expect.any(Number) });

    const again = await signIn(app.url, email("alice"), ip(1));
    expect((await again.get("/api/me")).body).toMatchObject({ id: (me.body as { id: string }).id });
    const rows = await app.db.sql`select id from profiles where email = 'alice@example.com'`;
    expect(rows).toHaveLength(1);
  });

  it("sets an HttpOnly, SameSite=Lax session cookie and stores only its hash", async () => {
    const client = new Client(app.url, ip(2));
    await client.post("/api/auth/otp", { email: email("cookie") });
    const code = await latestCode(client, email("cookie"));
    const res = await fetch(`${app.url}/api/auth/otp/verify`, {
      method: "POST",
      headers: { "content-type": "application/json", ...ip(2) },
      body: JSON.stringify({ email: email("cookie"), code }),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("atelier_session="));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    const token = setCookie?.split(";")[0]?.split("=")[1] ?? "";
    const rows = await app.db.sql`select token_hash from sessions`;
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    const codes = await app.db.sql`select code_hash from otp_codes where email = 'cookie@example.com'`;
    expect(codes.every((r) => !String(r.code_hash).includes(code))).toBe(true);
  });

  it("answers 200 for any well-formed address, known or not, and 400 for a malformed one", async () => {
    const client = new Client(app.url, ip(3));
    expect((await client.post("/api/auth/otp", { email: email("nobody-yet") })).status).toBe(200);
    const bad = await client.post("/api/auth/otp", { email: "not-an-email" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { code: expect.any(String), message: expect.stringContaining("email") },
    });
    const notJson = await client.request("POST", "/api/auth/otp", {
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it("rejects a wrong code without signing in", async () => {
    const client = new Client(app.url, ip(4));
    await client.post("/api/auth/otp", { email: email("wrong") });
    const code = await latestCode(client, email("wrong"));
    const wrong = code === "000000" ? "111111" : "000000";
    const res = await client.post("/api/auth/otp/verify", { email: email("wrong"), code: wrong });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    expect((await client.get("/api/me")).status).toBe(401);
  });

  it("locks the code after 5 wrong tries, even when the right code comes next", async () => {
    const client = new Client(app.url, ip(5));
    await client.post("/api/auth/otp", { email: email("brute") });
    const code = await latestCode(client, email("brute"));
    const wrong = code === "000000" ? "111111" : "000000";
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await client.post("/api/auth/otp/verify", { email: email("brute"), code: wrong })).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const right = await client.post("/api/auth/otp/verify", { email: email("brute"), code });
    expect(right.status).toBe(429);
    expect((await client.get("/api/me")).status).toBe(401);
  });

  it("locks the address after 5 wrong codes, for twice as long each further time", async () => {
    const client = new Client(app.url, ip(12));
    const target = email("guessed");
    const wrongFor = (code: string) => (code === "000000" ? "111111" : "000000");
    const guessFiveTimes = async () => {
      expect((await client.post("/api/auth/otp", { email: target })).status).toBe(200);
      const code = await latestCode(client, target);
      const replies = [];
      for (let i = 0; i < 5; i++)
        replies.push(await client.post("/api/auth/otp/verify", { email: target, code: wrongFor(code) }));
      return { code, last: replies.at(-1) };
    };
    const retryAfter = (res: { headers: Headers } | undefined) => Number(res?.headers.get("retry-after"));
    const letLockExpire = () =>
      app.db.sql`update otp_lockouts set locked_until = now() - interval '1 second' where email = ${target}`;

    const first = await guessFiveTimes();
    expect(first.last?.status).toBe(429);
    expect(retryAfter(first.last)).toBeGreaterThan(14 * 60);
    expect(retryAfter(first.last)).toBeLessThanOrEqual(15 * 60);
    // Locked: even a fresh, right code is refused until the lock ends.
    expect((await client.post("/api/auth/otp", { email: target })).status).toBe(200);
    const fresh = await latestCode(client, target);
    const refused = await client.post("/api/auth/otp/verify", { email: target, code: fresh });
    expect(refused.status).toBe(429);
    expect(retryAfter(refused)).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({
      error: { message: expect.stringMatching(/try again in \d+ minutes/i) },
    });
    // Another address from the same client is not affected.
    expect((await signIn(app.url, email("bystander"), ip(12))).cookie("atelier_session")).toBeTruthy();

    await letLockExpire();
    const second = await guessFiveTimes();
    expect(second.last?.status).toBe(429);
    expect(retryAfter(second.last)).toBeGreaterThan(29 * 60);
    expect(retryAfter(second.last)).toBeLessThanOrEqual(30 * 60);

    await letLockExpire();
    expect((await client.post("/api/auth/otp", { email: target })).status).toBe(200);
    const right = await latestCode(client, target);
    expect((await client.post("/api/auth/otp/verify", { email: target, code: right })).status).toBe(200);
    expect(await app.db.sql`select email from otp_lockouts where email = ${target}`).toHaveLength(0);
  });

  it("rejects an expired code", async () => {
    const client = new Client(app.url, ip(6));
    await client.post("/api/auth/otp", { email: email("late") });
    const code = await latestCode(client, email("late"));
    await app.db
      .sql`update otp_codes set expires_at = now() - interval '1 second' where email = 'late@example.com'`;
    const res = await client.post("/api/auth/otp/verify", { email: email("late"), code });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      error: { code: expect.any(String), message: expect.stringMatching(/expired/i) },
    });
  });

  it("accepts a code only once, and only the newest one", async () => {
    const client = new Client(app.url, ip(7));
    await client.post("/api/auth/otp", { email: email("once") });
    const first = await latestCode(client, email("once"));
    await client.post("/api/auth/otp", { email: email("once") });
    const second = await latestCode(client, email("once"));
    if (first !== second)
      expect((await client.post("/api/auth/otp/verify", { email: email("once"), code: first })).status).toBe(
        401,
      );
    expect((await client.post("/api/auth/otp/verify", { email: email("once"), code: second })).status).toBe(
      200,
    );
    expect((await client.post("/api/auth/otp/verify", { email: email("once"), code: second })).status).toBe(
      401,
    );
  });

  it("rate-limits code requests per address and per IP", async () => {
    const client = new Client(app.url, ip(8));
    const perAddress: number[] = [];
    for (let i = 0; i < 6; i++)
      perAddress.push((await client.post("/api/auth/otp", { email: email("spam") })).status);
    expect(perAddress).toEqual([200, 200, 200, 200, 200, 429]);

    const fromOneIp = new Client(app.url, ip(9));
    const perIp: number[] = [];
    for (let i = 0; i < 21; i++)
      perIp.push((await fromOneIp.post("/api/auth/otp", { email: email(`ip${i}`) })).status);
    expect(perIp.slice(0, 20).every((s) => s === 200)).toBe(true);
    const limited = await fromOneIp.post("/api/auth/otp", { email: email("ip-last") });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("signs out: the session stops working", async () => {
    const client = await signIn(app.url, email("leaver"), ip(10));
    const token = client.cookie("atelier_session");
    expect((await client.post("/api/auth/signout")).status).toBe(200);
    expect((await client.get("/api/me")).status).toBe(401);
    const replay = new Client(app.url);
    replay.setCookie("atelier_session", token ?? "");
    expect((await replay.get("/api/me")).status).toBe(401);
  });

  it("makes ADMIN_EMAILS admins on sign-in", async () => {
    const client = await signIn(app.url, "Boss@Example.com", ip(11));
    expect((await client.get("/api/me")).body).toMatchObject({ role: "admin" });
  });

  it("answers 401 JSON at /api/me when signed out", async () => {
    const res = await new Client(app.url).get("/api/me");
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });
});
