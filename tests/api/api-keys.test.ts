// Personal API keys as a script and its owner see them: created once and shown once, stored
// only as a hash, accepted by the routes that name a scope, refused everywhere else (admin
// routes above all), revoked at once, rate-limited per key and counted in Admin → Usage.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { Client, signIn } from "../helpers/http";
import {
  type GenerationBody,
  startAppWithProviders,
  stopAppWithProviders,
  waitForGeneration,
} from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;
let alice: Client;
let admin: Client;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ env: { ADMIN_EMAILS: "root@example.com" } }));
  alice = await signIn(app.url, "alice@example.com");
  admin = await signIn(app.url, "root@example.com");
});
afterAll(() => stopAppWithProviders(app, emulator));

type Created = { id: string; key: string };
type Listed = {
  keys: { id: string; name: string; prefix: string; scopes: string[]; last_used_at: string | null }[];
};

async function createKey(owner: Client, scopes: string[], name = "script"): Promise<Created> {
  const res = await owner.post<Created>("/api/keys", { name, scopes });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A client that holds no cookie at all: only the key, as a script would. */
const withKey = (key: string) => new Client(app.url, { authorization: `Bearer ${key}` });

describe("creating and listing keys", () => {
  it("shows the key once; the list and the database hold only its prefix and a hash", async () => {
    const created = await createKey(alice, ["read"], "laptop");
    expect(created.key).toMatch(/^atk_[A-Za-z0-9_-]{43}$/);
    const list = await alice.get<Listed>("/api/keys");
    expect(list.status).toBe(200);
    const listed = list.body.keys.find((k) => k.id === created.id);
    expect(listed).toMatchObject({ name: "laptop", scopes: ["read"], last_used_at: null });
    expect(created.key.startsWith(listed?.prefix ?? "-")).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(created.key);
    const [row] = await app.db.sql`select * from api_keys where id = ${created.id}`;
    expect(JSON.stringify(row)).not.toContain(created.key.slice(12));
  });

  it.each([
    [{ scopes: ["read"] }, "name"],
    [{ name: "x", scopes: [] }, "scopes"],
    [{ name: "x", scopes: ["admin"] }, "scopes.0"],
    [{ name: " ", scopes: ["read"] }, "name"],
  ])("refuses %j with a 400 naming %s, and stores nothing", async (body, field) => {
    const before = await app.db.sql`select count(*)::int as n from api_keys`;
    const res = await alice.post("/api/keys", body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "bad_request", field } });
    expect(await app.db.sql`select count(*)::int as n from api_keys`).toEqual(before);
  });

  it("records when a key was last used", async () => {
    const { id, key } = await createKey(alice, ["read"]);
    expect((await withKey(key).get("/api/me")).status).toBe(200);
    const list = await alice.get<Listed>("/api/keys");
    expect(list.body.keys.find((k) => k.id === id)?.last_used_at).toEqual(expect.any(String));
  });
});

describe("a script holding only a key", () => {
  it("creates a generation and polls it to completion", async () => {
    const { id: keyId, key } = await createKey(alice, ["generate", "read"]);
    const script = withKey(key);
    const created = await script.post<{ id: string; status: string }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "a lighthouse made by a script" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    const done: GenerationBody = await waitForGeneration(script, created.body.id);
    expect(done.status).toBe("completed");
    expect(done.outputs.length).toBeGreaterThan(0);
    const list = await script.get<{ items: { id: string }[] }>("/api/generations/list");
    expect(list.status).toBe(200);
    expect(list.body.items.map((g) => g.id)).toContain(created.body.id);
    const [row] = await app.db.sql`select api_key_id from generations where id = ${created.body.id}`;
    expect(row?.api_key_id).toBe(keyId);
  });

  it("is refused with 401 for an unknown, malformed or revoked key", async () => {
    for (const key of [`atk_${"A".repeat(43)}`, "not-a-key", ""]) {
      const res = await withKey(key).get("/api/me");
      expect(res.status, key).toBe(401);
      expect(res.body).toMatchObject({ error: { code: "unauthorized" } });
    }
    const { id, key } = await createKey(alice, ["read"]);
    expect((await withKey(key).get("/api/me")).status).toBe(200);
    expect((await alice.request("DELETE", `/api/keys/${id}`)).status).toBe(204);
    const after = await withKey(key).get("/api/me");
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("is refused with 403 for a route outside its scopes, and nothing is created", async () => {
    const { key } = await createKey(alice, ["read"]);
    const before = await app.db.sql`select count(*)::int as n from generations`;
    const res = await withKey(key).post("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "x" },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      error: { code: "forbidden", message: expect.stringContaining("generate") },
    });
    expect(await app.db.sql`select count(*)::int as n from generations`).toEqual(before);
  });

  it("cannot manage keys or webhooks: those routes take a signed-in session only", async () => {
    const { key } = await createKey(alice, ["generate", "read", "flows:run"]);
    const script = withKey(key);
    for (const [method, url] of [
      ["GET", "/api/keys"],
      ["POST", "/api/keys"],
      ["GET", "/api/webhook-endpoints"],
    ] as const) {
      const res = await script.request(method, url, {
        json: method === "POST" ? { name: "x", scopes: ["read"] } : undefined,
      });
      expect(res.status, `${method} ${url}`).toBe(403);
    }
  });

  it("is refused with 403 on every admin route, even when the key is an admin's", async () => {
    const { key } = await createKey(admin, ["generate", "read", "flows:run"]);
    const script = withKey(key);
    const routes = adminRoutes();
    expect(routes.length).toBeGreaterThan(10);
    for (const { url, method } of routes) {
      const res = await script.request(method, url, { json: method === "GET" ? undefined : {} });
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body, `${method} ${url}`).toMatchObject({ error: { code: "forbidden" } });
    }
    // The same admin's session still works: it is the key that is refused.
    expect((await admin.get("/api/admin/usage")).status).toBe(200);
  });

  it("does not skip the cross-site check when a cookie comes along with the key", async () => {
    const { key } = await createKey(alice, ["generate", "read"]);
    const res = await alice.post(
      "/api/generations/create",
      { model: "flux-schnell", input: { prompt: "riding a cookie [slow]" } },
      { authorization: `Bearer ${key}`, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      error: { code: "forbidden", message: expect.stringMatching(/cross-site/i) },
    });
    // The same key alone, from any origin, is a script and passes.
    const alone = await withKey(key).post(
      "/api/generations/create",
      { model: "flux-schnell", input: { prompt: "a script" } },
      { origin: "https://elsewhere.example" },
    );
    expect(alone.status).toBe(202);
  });

  it("cannot be revoked by someone else", async () => {
    const { id, key } = await createKey(alice, ["read"]);
    const bob = await signIn(app.url, "bob@example.com");
    expect((await bob.request("DELETE", `/api/keys/${id}`)).status).toBe(404);
    expect((await withKey(key).get("/api/me")).status).toBe(200);
  });
});

describe("rate limits per key", () => {
  it("answers 429 with Retry-After past the minute's budget, for that key only", async () => {
    const carol = await signIn(app.url, "carol@example.com");
    const busy = withKey((await createKey(carol, ["read"])).key);
    const other = withKey((await createKey(carol, ["read"])).key);
    for (let i = 0; i < 120; i++) expect((await busy.get("/api/me")).status).toBe(200);
    const limited = await busy.get("/api/me");
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: "rate_limited" } });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await other.get("/api/me")).status).toBe(200);
    // The browser session of the same person is not a key and is not limited by it.
    expect((await carol.get("/api/me")).status).toBe(200);
  });
});

describe("Admin → Usage", () => {
  it("lists each key's requests, generations and owner", async () => {
    const dave = await signIn(app.url, "dave@example.com");
    const { id, key } = await createKey(dave, ["generate", "read"], "nightly batch");
    const script = withKey(key);
    const created = await script.post<{ id: string }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "usage" },
    });
    await waitForGeneration(script, created.body.id);
    const res = await admin.get<{ per_api_key: Record<string, unknown>[] }>("/api/admin/usage?days=7");
    expect(res.status).toBe(200);
    const row = res.body.per_api_key.find((r) => r.key_id === id);
    expect(row).toMatchObject({ name: "nightly batch", email: "dave@example.com", generations: 1 });
    expect(row?.requests).toBeGreaterThanOrEqual(2);
    expect(row?.net).toBeGreaterThan(0);
  });
});

/** Every method of every route file under app/api/admin, with its ids filled in. */
function adminRoutes(): { url: string; method: string }[] {
  const dir = path.resolve("app/api/admin");
  const found: { url: string; method: string }[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at)) {
      const full = path.join(at, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "route.ts") {
        const url = `/api/admin/${path.relative(dir, at).split(path.sep).join("/")}`
          .replace(/\/$/, "")
          .replace("[key]", "starting_credits")
          .replace("[id]", crypto.randomUUID());
        for (const m of readFileSync(full, "utf8").matchAll(/^export const (GET|POST|PUT|PATCH|DELETE)\b/gm))
          found.push({ url, method: m[1] as string });
      }
    }
  };
  walk(dir);
  return found;
}
