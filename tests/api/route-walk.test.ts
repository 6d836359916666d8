// Walks every route under app/api (read from the file tree, so a new route is covered the day
// it is added) and sends what a careless or hostile client would: no session, another user's
// ids, malformed JSON, wrong types, and bodies past every limit (declared and chunked). Each
// must answer a 4xx JSON error and leave every table and the storage folder as they were.
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverRoutes } from "../helpers/api-routes";
import { startApp, type TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";

const routes = discoverRoutes();
const writeRoutes = routes.flatMap((r) =>
  r.methods.filter((m) => m !== "GET").map((method) => ({ ...r, method })),
);

// Answer 2xx with no session by design; everything else must refuse a stranger.
const PUBLIC_READS = new Set(["GET /api/health", "GET /api/models", "GET /api/openapi.json"]);
// Read no body and do their work from the session alone: signing out, the cron secret, asking
// the admins for credits.
const BODYLESS = new Set(["POST /api/auth/signout", "POST /api/cron/reconcile", "POST /api/credits/request"]);

let app: TestApp;
let alice: Client;
let admin: Client;
let bobGeneration: string;
let bobId: string;

beforeAll(async () => {
  app = await startApp({ ADMIN_EMAILS: "root@example.com", CRON_SECRET: "route-walk-cron-secret-0123" });
  alice = await signIn(app.url, "alice@example.com");
  admin = await signIn(app.url, "root@example.com");
  await signIn(app.url, "bob@example.com");
  const [bob] = await app.db.sql<{ id: string }[]>`select id from profiles where email = 'bob@example.com'`;
  bobId = bob?.id ?? "";
  const [generation] = await app.db.sql<{ id: string }[]>`
    insert into generations (user_id, model_id, provider, kind, status, prompt, completed_at)
    values (${bobId}, 'flux-schnell', 'replicate', 'image', 'completed', 'bob''s fox', now()) returning id`;
  bobGeneration = generation?.id ?? "";
});
afterAll(async () => {
  await app?.stop();
});

/** A route's template with its dynamic segments filled in. */
function fill(template: string, ids: { id: string }): string {
  return template
    .replace("[...path]", "users/someone/a.png")
    .replace("[provider]", "replicate")
    .replace("[key]", "starting_credits")
    .replace("[id]", ids.id);
}

/** Every table's content and every stored file, as one comparable fingerprint per part. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await app.db.sql<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      -- Job worker heartbeats change every few seconds by themselves, whatever a request does.
      and table_name <> 'job_worker_pools'
    order by 1`;
  const parts: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await app.db.sql<{ digest: string | null }[]>`
      select md5(string_agg(t::text, '|' order by t::text)) as digest from ${app.db.sql(name)} t`;
    parts[name] = row?.digest ?? "empty";
  }
  parts.files = createHash("md5").update(listFiles(app.dataDir).join("\n")).digest("hex");
  return parts;
}

function listFiles(dir: string): string[] {
  let found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found = found.concat(listFiles(full));
    else found.push(`${full}:${statSync(full).size}`);
  }
  return found;
}

type Attempt = { label: string; status: number; type: string; body: unknown };

async function send(
  client: Client | null,
  method: string,
  url: string,
  body?: BodyInit,
  headers: Record<string, string> = {},
): Promise<Omit<Attempt, "label">> {
  const all: Record<string, string> = { ...headers };
  const cookie = client?.cookie("atelier_session");
  if (cookie) all.cookie = `atelier_session=${cookie}`;
  const init = { method, headers: all, body, redirect: "manual", duplex: "half" } as RequestInit;
  const res = await fetch(new URL(url, app.url), init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left as text: the assertion below reports it
  }
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: parsed };
}

function expectRefused(attempt: Attempt): void {
  const where = `${attempt.label} → ${attempt.status} ${JSON.stringify(attempt.body).slice(0, 200)}`;
  expect(attempt.status, where).toBeGreaterThanOrEqual(400);
  expect(attempt.status, where).toBeLessThan(500);
  expect(attempt.type, where).toContain("application/json");
  const field = (attempt.body as { error?: { field?: string } }).error?.field;
  expect(attempt.body, where).toEqual({
    error: {
      code: expect.any(String),
      message: expect.any(String),
      ...(field ? { field: expect.any(String) } : {}),
    },
  });
}

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  const block = new Uint8Array(256 * 1024).fill(0x7b);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += block.byteLength;
      controller.enqueue(block);
    },
  });
}

const JSON_TYPE = { "content-type": "application/json" };
const OVERSIZED = 6 * 1024 * 1024;
// Keys the routes read, each with a value of the wrong type.
const WRONG_TYPES = {
  email: 5,
  code: [],
  model: 5,
  input: "x",
  ids: "x",
  value: undefined,
  status: 5,
  role: 5,
  delta: "lots",
  reason: 5,
  enabled: "yes",
  provider: 5,
  secret: 5,
  label: [],
  email_notifications: "yes",
  parent_generation_id: 5,
  id: {},
  hash: 5,
};

describe("every API route", () => {
  it("was found in the file tree", () => {
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) expect(route.methods.length, route.file).toBeGreaterThan(0);
  });

  it.each(routes)("$template refuses a caller without a session", async (route) => {
    for (const method of route.methods) {
      if (PUBLIC_READS.has(`${method} ${route.template}`)) continue;
      const before = await snapshot();
      const url = fill(route.template, { id: bobGeneration });
      const body = method === "GET" ? undefined : "{}";
      const attempt = await send(null, method, url, body, method === "GET" ? {} : JSON_TYPE);
      if (BODYLESS.has(`${method} ${route.template}`) && attempt.status < 300) continue;
      expectRefused({ label: `${method} ${url} without a session`, ...attempt });
      expect(await snapshot(), `${method} ${url}`).toEqual(before);
    }
  });

  it.each(routes.filter((r) => r.template.includes("[id]")))(
    "$template refuses another user's id",
    async (route) => {
      for (const method of route.methods) {
        const before = await snapshot();
        const url = fill(route.template, { id: route.template.includes("/users/") ? bobId : bobGeneration });
        const body = method === "GET" ? undefined : "{}";
        const attempt = await send(alice, method, url, body, method === "GET" ? {} : JSON_TYPE);
        expectRefused({ label: `${method} ${url} as alice`, ...attempt });
        expect(await snapshot(), `${method} ${url}`).toEqual(before);
      }
    },
  );

  it.each(writeRoutes.filter((r) => !BODYLESS.has(`${r.method} ${r.template}`)))(
    "$method $template refuses malformed, mistyped and oversized bodies",
    async (route) => {
      // As an admin, so the body (not the role) is what gets refused; ids that name nothing.
      const url = fill(route.template, { id: crypto.randomUUID() });
      const before = await snapshot();
      const cases: [string, () => BodyInit, Record<string, string>][] = [
        ["malformed JSON", () => '{"email": "a@example.com", ', JSON_TYPE],
        ["a JSON array", () => "[]", JSON_TYPE],
        ["a JSON string", () => '"hello"', JSON_TYPE],
        ["null", () => "null", JSON_TYPE],
        ["wrong types", () => JSON.stringify(WRONG_TYPES), JSON_TYPE],
        ["an oversized body", () => "x".repeat(OVERSIZED), JSON_TYPE],
        ["an oversized chunked body", () => streamOf(OVERSIZED), JSON_TYPE],
      ];
      for (const [label, body, headers] of cases) {
        const attempt = await send(admin, route.method, url, body(), headers);
        expectRefused({ label: `${route.method} ${url} with ${label}`, ...attempt });
      }
      expect(await snapshot(), `${route.method} ${url}`).toEqual(before);
    },
  );
});
