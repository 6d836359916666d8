import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { Client } from "../helpers/http";

describe("health and runtime mode", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app?.stop());

  it("reports ok with the mode of a local deployment that mails over SMTP", async () => {
    const res = await new Client(app.url).get("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: "ok",
      db: "ok",
      mode: {
        database: "embedded",
        auth: "local",
        storage: "local",
        email: "smtp",
        providers: { replicate: "emulator", fal: "emulator", google: "emulator" },
      },
      live: "sse",
    });
  });

  it("answers 503 when the database is unreachable", async () => {
    const admin = postgres(inject("pgAdminUrl"), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database ${app.db.name} with (force)`);
    await admin.end();
    const res = await new Client(app.url).get("/api/health");
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ db: "unreachable" });
  });
});

describe("with Resend and a provider key configured", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ RESEND_API_KEY: "re_test_key", REPLICATE_API_TOKEN: "r8_live_key" });
  });
  afterAll(() => app?.stop());

  it("reports email mode resend (before SMTP), that provider as live, and hides the dev mailbox", async () => {
    const client = new Client(app.url);
    expect((await client.get("/api/health")).body).toMatchObject({
      mode: { email: "resend", providers: { replicate: "live", fal: "emulator", google: "emulator" } },
    });
    const mailbox = await client.get("/api/dev/mailbox");
    expect(mailbox.status).toBe(404);
    expect(mailbox.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });
});
