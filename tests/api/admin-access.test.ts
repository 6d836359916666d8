// Every admin route refuses a plain user (403) and a signed-out caller (401), and changes
// nothing for them. The table is checked against the route files, so a new admin route
// cannot be added without being listed (and so tested) here.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { Client, signIn } from "../helpers/http";

let app: TestApp;
let alice: Client;
let admin: Client;
let aliceId: string;

type Route = { method: string; route: string; body?: unknown; superAdminOnly?: boolean };

// `route` is the file-system route; [id] and [key] are filled in per request.
const ROUTES: Route[] = [
  { method: "GET", route: "/api/admin/users" },
  { method: "GET", route: "/api/admin/users/[id]" },
  {
    method: "POST",
    route: "/api/admin/users/[id]/role",
    body: { role: "super_admin" },
    superAdminOnly: true,
  },
  { method: "POST", route: "/api/admin/users/[id]/credits", body: { delta: 1000, reason: "free money" } },
  { method: "POST", route: "/api/admin/users/[id]/status", body: { status: "banned" } },
  { method: "GET", route: "/api/admin/generations" },
  { method: "GET", route: "/api/admin/generations/[id]" },
  { method: "POST", route: "/api/admin/generations/[id]/retry" },
  { method: "POST", route: "/api/admin/generations/[id]/refund" },
  { method: "GET", route: "/api/admin/models" },
  { method: "PATCH", route: "/api/admin/models/[id]", body: { enabled: false } },
  { method: "GET", route: "/api/admin/usage" },
  { method: "GET", route: "/api/admin/settings" },
  { method: "PUT", route: "/api/admin/settings/[key]", body: { value: 999 } },
  { method: "GET", route: "/api/admin/audit" },
  { method: "GET", route: "/api/admin/jobs" },
  { method: "POST", route: "/api/admin/jobs/[id]/retry" },
  { method: "GET", route: "/api/admin/keys", superAdminOnly: true },
  {
    method: "POST",
    route: "/api/admin/keys",
    body: { provider: "replicate", label: "x", secret: "r8_secret_value" },
    superAdminOnly: true,
  },
  { method: "PATCH", route: "/api/admin/keys/[id]", body: { active: false }, superAdminOnly: true },
  { method: "DELETE", route: "/api/admin/keys/[id]", superAdminOnly: true },
];

function url(route: string): string {
  return route
    .replace("/models/[id]", "/models/flux-schnell")
    .replace("[key]", "starting_credits")
    .replace("[id]", aliceId);
}

async function routeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? routeFiles(path.join(dir, e.name)) : Promise.resolve([]))),
  );
  const own = entries.filter((e) => e.isFile() && e.name === "route.ts").map((e) => path.join(dir, e.name));
  return [...own, ...nested.flat()];
}

beforeAll(async () => {
  app = await startApp({ ADMIN_EMAILS: "admin@example.com" });
  alice = await signIn(app.url, "alice@example.com");
  admin = await signIn(app.url, "admin@example.com");
  aliceId = (await alice.get<{ id: string }>("/api/me")).body.id;
});
afterAll(() => app?.stop());

describe("admin route access", () => {
  it("lists every admin route handler", async () => {
    const root = path.resolve("app/api/admin");
    const found: string[] = [];
    for (const file of await routeFiles(root)) {
      const route = `/api/admin/${path.relative(root, path.dirname(file)).split(path.sep).join("/")}`.replace(
        /\/$/,
        "",
      );
      for (const match of (await readFile(file, "utf8")).matchAll(
        /export const (GET|POST|PUT|PATCH|DELETE)\b/g,
      ))
        found.push(`${match[1]} ${route}`);
    }
    expect(found.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.route}`).sort());
  });

  it.each(ROUTES)("$method $route: 401 signed out, 403 for a plain user", async ({ method, route, body }) => {
    const signedOut = await new Client(app.url).request(method, url(route), { json: body });
    expect(signedOut.status).toBe(401);
    expect(signedOut.body).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String) },
    });
    const asUser = await alice.request(method, url(route), { json: body });
    expect(asUser.status).toBe(403);
    expect(asUser.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it.each(ROUTES.filter((r) => r.superAdminOnly))(
    "$method $route: 403 for an admin",
    async ({ method, route, body }) => {
      const res = await admin.request(method, url(route), { json: body });
      expect(res.status).toBe(403);
    },
  );

  it("changed nothing for the refused callers", async () => {
    const [profile] = await app.db.sql`select role, status, credits from profiles where id = ${aliceId}`;
    expect(profile).toEqual({ role: "user", status: "active", credits: 100 });
    expect(await app.db.sql`select * from audit_log`).toHaveLength(0);
    expect(await app.db.sql`select * from model_overrides`).toHaveLength(0);
    expect(await app.db.sql`select * from app_settings`).toHaveLength(0);
    expect(await app.db.sql`select * from provider_tokens`).toHaveLength(0);
    expect((await alice.get("/api/me")).status).toBe(200);
  });

  it("lets an admin in", async () => {
    expect((await admin.get("/api/admin/users")).status).toBe(200);
    expect((await admin.get("/api/admin/models")).status).toBe(200);
  });
});
