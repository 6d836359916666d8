// "How to get credits": the page says what the operator wrote in Admin → Settings, "Request
// credits" tells every admin in the app (once a day per person), and the settings warn when
// new accounts start with less than the cheapest video.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { Client, signIn } from "../helpers/http";

type Notification = { kind: string; title: string; body: string; generation_id: string | null };
type Setting = { key: string; value: unknown; warning: string | null };

let app: TestApp;
let admin: Client;
let boss: Client;

beforeAll(async () => {
  app = await startApp({ ADMIN_EMAILS: "admin@example.com,boss@example.com" });
  admin = await signIn(app.url, "admin@example.com");
  boss = await signIn(app.url, "boss@example.com");
});
afterAll(() => app?.stop());

const notifications = async (client: Client) =>
  (await client.get<{ items: Notification[] }>("/api/notifications")).body.items;
const settings = async () => (await admin.get<Setting[]>("/api/admin/settings")).body;
const put = (key: string, value: unknown) =>
  admin.request("PUT", `/api/admin/settings/${key}`, { json: { value } });

describe("request credits", () => {
  it("notifies every admin, with who asks and their balance", async () => {
    const carol = await signIn(app.url, "carol@example.com");
    const res = await carol.post("/api/credits/request");
    expect(res.status).toBe(201);
    for (const someone of [admin, boss]) {
      const asked = (await notifications(someone)).filter((n) => n.kind === "credits_requested");
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatchObject({ generation_id: null, title: "Credits requested" });
      expect(asked[0]?.body).toContain("carol@example.com asks for credits (balance: 100 credits)");
    }
    expect(await notifications(carol)).toEqual([]);
  });

  it("is accepted once a day per person", async () => {
    const dave = await signIn(app.url, "dave@example.com");
    expect((await dave.post("/api/credits/request")).status).toBe(201);
    const again = await dave.post("/api/credits/request");
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({
      error: { code: "rate_limited", message: expect.stringContaining("24 hours") },
    });
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(86_000);
    const fromDave = (await notifications(admin)).filter((n) => n.body.includes("dave@example.com"));
    expect(fromDave).toHaveLength(1);

    // A day later the next request goes through.
    await app.db.sql`update credit_requests set requested_at = now() - interval '25 hours'
      where user_id = (select id from profiles where email = 'dave@example.com')`;
    expect((await dave.post("/api/credits/request")).status).toBe(201);
  });

  it("needs a signed-in person", async () => {
    expect((await new Client(app.url).post("/api/credits/request")).status).toBe(401);
  });
});

describe("the credits page", () => {
  it("shows the operator's text, as text", async () => {
    const before = await new Client(app.url).get<string>("/credits");
    expect(before.status).toBe(200);
    expect(before.body).toContain("How to get credits");
    expect(before.body).toContain("press Request credits");

    expect(
      (await put("credits_page", "Write to <b>credits@studio.example</b>.\n\nWe answer within a day."))
        .status,
    ).toBe(200);
    // Settings reach every part of the app within their few seconds of cache.
    const page = async () => (await new Client(app.url).get<string>("/credits")).body;
    await expect
      .poll(page, { timeout: 10_000 })
      .toContain("Write to &lt;b&gt;credits@studio.example&lt;/b&gt;.");
    expect(await page()).toContain("We answer within a day.");
    expect((await put("credits_page", "   ")).status).toBe(400);
  });
});

describe("the starting grant in Admin → Settings", () => {
  it("warns while new accounts cannot pay for the cheapest video", async () => {
    const grant = () => settings().then((all) => all.find((s) => s.key === "starting_credits"));
    expect(await grant()).toMatchObject({ value: 100, warning: null });
    expect((await put("starting_credits", 30)).status).toBe(200);
    expect((await grant())?.warning).toMatch(/30 credits, less than the cheapest video \(.+, 45 credits\)/);
    expect((await put("starting_credits", 45)).status).toBe(200);
    expect((await grant())?.warning).toBeNull();
  });
});

describe("at startup", () => {
  it("logs a warning when the starting grant is below the cheapest video", async () => {
    const small = await startApp({ STARTING_CREDITS: "20" });
    try {
      await expect
        .poll(() => small.logs(), { timeout: 10_000 })
        .toContain("starting credits below the cheapest video");
    } finally {
      await small.stop();
    }
    expect(app.logs()).not.toContain("starting credits below the cheapest video");
  });
});
