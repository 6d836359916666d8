// The API's edges: unknown paths and methods, cross-site requests, oversized bodies, and
// malformed cursors and dates, each answered with a 4xx JSON error that changes nothing.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";

let app: TestApp;
let alice: Client;
let admin: Client;

beforeAll(async () => {
  app = await startApp({ ADMIN_EMAILS: "root@example.com" });
  alice = await signIn(app.url, "alice@example.com");
  admin = await signIn(app.url, "root@example.com");
});
afterAll(async () => {
  await app?.stop();
});

async function rowCount(table: string): Promise<number> {
  const [row] = await app.db.sql<
    { count: number }[]
  >`select count(*)::int as count from ${app.db.sql(table)}`;
  return row?.count ?? 0;
}

const jsonError = (code: string, field?: string) => ({
  error: { code, message: expect.any(String), ...(field ? { field } : {}) },
});

describe("unknown paths and methods", () => {
  it("answers an unknown API path with a JSON 404 for every method", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      const res = await alice.request(method, "/api/no/such/thing");
      expect(res.status, method).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(res.body).toEqual(jsonError("not_found"));
    }
  });

  it("answers a method a route does not implement with a JSON 405", async () => {
    for (const [method, path] of [
      ["DELETE", "/api/models"],
      ["GET", "/api/generations/create"],
      ["PUT", "/api/me"],
      ["POST", `/api/files/users/x/a.png`],
    ] as const) {
      const res = await alice.request(method, path);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.body).toEqual(jsonError("method_not_allowed"));
    }
  });
});

describe("cross-site requests", () => {
  async function emailNotifications(): Promise<boolean> {
    const [row] = await app.db.sql<{ email_notifications: boolean }[]>`
      select email_notifications from profiles where email = 'alice@example.com'`;
    return row?.email_notifications ?? false;
  }

  it("refuses a text/plain PATCH from another origin and changes nothing", async () => {
    const before = await emailNotifications();
    const res = await alice.request("PATCH", "/api/profile/notifications", {
      body: JSON.stringify({ email_notifications: !before }),
      headers: { "content-type": "text/plain", origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual(jsonError("forbidden"));
    expect(await emailNotifications()).toBe(before);
  });

  it("refuses what the browser marks as cross-site or same-site", async () => {
    for (const site of ["cross-site", "same-site"]) {
      const res = await alice.request("POST", "/api/notifications/read", {
        json: {},
        headers: { "sec-fetch-site": site },
      });
      expect(res.status, site).toBe(403);
    }
  });

  it("accepts the app's own origin, and clients that are not browsers", async () => {
    const own = await alice.request("PATCH", "/api/profile/notifications", {
      json: { email_notifications: false },
      headers: { origin: app.url, "sec-fetch-site": "same-origin" },
    });
    expect(own.status).toBe(200);
    const tool = await alice.request("PATCH", "/api/profile/notifications", {
      json: { email_notifications: true },
    });
    expect(tool.status).toBe(200);
  });

  it("leaves signed webhooks and reads alone: they carry no cookies to abuse", async () => {
    const res = await alice.request("GET", "/api/me", { headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(200);
    const hook = await alice.request("POST", "/api/webhook/replicate", {
      json: {},
      headers: { origin: "https://evil.example" },
    });
    expect(hook.status).toBe(401);
  });
});

/** A body streamed in chunks with no Content-Length, `total` bytes in all. */
function chunkedBody(total: number, chunk = 1024 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  const block = new Uint8Array(chunk).fill(0x61);
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(chunk, total - sent);
      sent += size;
      controller.enqueue(size === chunk ? block : block.subarray(0, size));
    },
  });
}

async function postStream(
  path: string,
  body: ReadableStream<Uint8Array>,
  client?: Client,
  type = "application/json",
) {
  const headers: Record<string, string> = { "content-type": type };
  const cookie = client?.cookie("atelier_session");
  if (cookie) headers.cookie = `atelier_session=${cookie}`;
  const res = await fetch(new URL(path, app.url), {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
  return { status: res.status, body: await res.json().catch(() => null) };
}

function serverRssMb(): number {
  const status = readFileSync(`/proc/${app.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

describe("body limits", () => {
  it("refuses a declared oversized JSON body with a 413 before reading it", async () => {
    const res = await alice.request("POST", "/api/generations/create", {
      body: JSON.stringify({ model: "flux-schnell", input: { prompt: "x".repeat(20 * 1024 * 1024) } }),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(413);
    expect(res.body).toEqual(jsonError("payload_too_large"));
    expect(await rowCount("generations")).toBe(0);
  });

  it("stops a chunked JSON body at the limit", async () => {
    const res = await postStream("/api/notifications/read", chunkedBody(20 * 1024 * 1024), alice);
    expect(res.status).toBe(413);
    expect(res.body).toEqual(jsonError("payload_too_large"));
  });

  it("stops an unsigned chunked webhook body at the limit without buffering it", async () => {
    const before = serverRssMb();
    const res = await postStream("/api/webhook/replicate", chunkedBody(600 * 1024 * 1024));
    expect(res.status).toBe(413);
    expect(serverRssMb() - before).toBeLessThan(150);
    expect(await rowCount("webhook_events")).toBe(0);
  });

  it("stops a chunked upload past the upload limit", async () => {
    const before = serverRssMb();
    const res = await postStream(
      "/api/upload",
      chunkedBody(300 * 1024 * 1024),
      alice,
      "multipart/form-data; boundary=x",
    );
    expect(res.status).toBe(413);
    expect(serverRssMb() - before).toBeLessThan(250);
  });
});

describe("cursors, ids and dates", () => {
  const cursor = (text: string) => Buffer.from(text).toString("base64url");

  it("answers a malformed list cursor with a 400 naming the field", async () => {
    for (const bad of [
      cursor("2026-11-30T10:00:00.000000+00:00|not-a-uuid"),
      cursor("2026-11-30T10:00:00+00:00|------------------------------------"),
      cursor(`1|${crypto.randomUUID()}`),
      cursor(`Tuesday|${crypto.randomUUID()}`),
      cursor(`2026-02-31T10:00:00Z|${crypto.randomUUID()}`),
      "%%%",
      // The JSON shape cursors once had: an id that is no uuid reached the SQL cast.
      cursor(JSON.stringify({ createdAt: "2026-11-30T10:00:00.000Z", id: "nope" })),
    ]) {
      const res = await alice.get(`/api/generations/list?cursor=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(res.body).toEqual(jsonError("bad_request", "cursor"));
      const adminRes = await admin.get(`/api/admin/generations?cursor=${encodeURIComponent(bad)}`);
      expect(adminRes.status, bad).toBe(400);
      expect(adminRes.body).toEqual(jsonError("bad_request", "cursor"));
    }
  });

  it("refuses a day that does not exist instead of rolling it over", async () => {
    const res = await admin.get("/api/admin/generations?from=2026-02-31");
    expect(res.status).toBe(400);
    expect(res.body).toEqual(jsonError("bad_request", "from"));
    expect((await admin.get("/api/admin/generations?from=2028-02-29")).status).toBe(200);
  });
});

describe("notifications/read", () => {
  it("refuses unknown keys instead of marking everything read", async () => {
    const [profile] = await app.db.sql<
      { id: string }[]
    >`select id from profiles where email = 'alice@example.com'`;
    await app.db.sql`
      insert into notifications (user_id, kind, title, body)
      values (${profile!.id}, 'generation_failed', 'Failed', 'x'), (${profile!.id}, 'generation_failed', 'Failed', 'y')`;
    const res = await alice.post("/api/notifications/read", { idz: [crypto.randomUUID()] });
    expect(res.status).toBe(400);
    const [row] = await app.db.sql<{ unread: number }[]>`
      select count(*)::int as unread from notifications where user_id = ${profile!.id} and read_at is null`;
    expect(row?.unread).toBe(2);
  });
});
