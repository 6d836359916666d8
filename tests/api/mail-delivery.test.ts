// Sign-in codes reach people only by real mail: over SMTP (or Resend), never through a page
// anyone can open. A production server with local sign-in and no way to deliver mail refuses
// to start, and the dev mailbox does not exist outside `next dev`.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/ports";
import { startApp, TEST_SESSION_SECRET, type TestApp } from "../helpers/app";
import { createTestDatabase } from "../helpers/db";
import { Client } from "../helpers/http";

/** Runs `next start` with exactly `env` and resolves with how it ended, or "healthy". */
async function startServerAlone(env: Record<string, string>): Promise<{ outcome: string; output: string }> {
  const port = await freePort();
  const child = spawn(
    "node_modules/.bin/next",
    ["start", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        ...(process.env.NEXT_DIST_DIR && { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR }),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<string>((resolve) => child.once("exit", (code) => resolve(`exit ${code}`)));
  const healthy = (async () => {
    for (let i = 0; i < 200 && child.exitCode === null; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return "healthy";
      await new Promise((r) => setTimeout(r, 150));
    }
    return "timeout";
  })();
  const outcome = await Promise.race([exited, healthy]);
  if (child.exitCode === null) child.kill("SIGKILL");
  return { outcome, output };
}

describe("a production server with local sign-in", () => {
  it("refuses to start without a way to deliver mail, and says what to set", async () => {
    const db = await createTestDatabase();
    try {
      // The PM2 recipe of the README: a database and a session secret, nothing else.
      const { outcome, output } = await startServerAlone({
        DATABASE_URL: db.url,
        SESSION_SECRET: TEST_SESSION_SECRET,
      });
      expect(outcome).toMatch(/^exit [1-9]/);
      expect(output).toContain("SMTP_URL");
      expect(output).toContain("RESEND_API_KEY");
    } finally {
      await db.drop();
    }
  });
});

/** Runs `npm start`'s script with exactly `env`; resolves with its exit code and output. */
async function npmStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  // It must fail before starting anything; one that starts is stopped, with all it started.
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGTERM"), 20_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  return { code, output };
}

describe("npm start with local sign-in", () => {
  it("refuses at once without a way to deliver mail, with the same message", async () => {
    const db = await createTestDatabase();
    try {
      const { code, output } = await npmStart({
        DATABASE_URL: db.url,
        SESSION_SECRET: TEST_SESSION_SECRET,
        PORT: String(await freePort()),
        EMULATOR_PORT: String(await freePort()),
      });
      expect(code).toBe(1);
      expect(output).toContain("SMTP_URL");
      expect(output).toContain("RESEND_API_KEY");
      expect(output).not.toContain("provider emulator");
    } finally {
      await db.drop();
    }
  });
});

describe("sign-in codes by SMTP", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app?.stop());

  it("mails the code over SMTP, and the code from that mail signs in", async () => {
    const client = new Client(app.url);
    expect((await client.post("/api/auth/otp", { email: "Mailed@Example.com" })).status).toBe(200);
    const delivered = app.mail.messages("mailed@example.com");
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.to).toEqual(["mailed@example.com"]);
    const code = delivered[0]?.subject.match(/\b(\d{6})\b/)?.[1];
    expect(delivered[0]?.text).toContain(code);
    const verified = await client.post("/api/auth/otp/verify", { email: "mailed@example.com", code });
    expect(verified.status).toBe(200);
    expect((await client.get("/api/me")).body).toMatchObject({ email: "mailed@example.com" });
    // Nothing was left where a page could show it.
    expect(await app.db.sql`select id from mail_outbox`).toHaveLength(0);
  });

  it("has no dev mailbox: the API and the page answer 404", async () => {
    const client = new Client(app.url);
    await client.post("/api/auth/otp", { email: "admin@example.com" });
    const api = await client.get("/api/dev/mailbox?to=admin@example.com");
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ error: { code: "not_found", message: expect.any(String) } });
    expect(JSON.stringify(api.body)).not.toMatch(/\d{6}/);
    const page = await client.get("/dev/mailbox?to=admin@example.com");
    expect(page.status).toBe(404);
    expect(String(page.body)).not.toMatch(/sign-in code/i);
  });
});
