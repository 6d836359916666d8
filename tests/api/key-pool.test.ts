// The provider key pool over real HTTP against the emulator: keys added by a super admin are
// sealed at rest, picked round robin, disabled on a 401, cooled down on a 429, recorded on the
// generation and used again for its status polls; env keys work while the pool is empty.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { open } from "@/lib/crypto/secret-box";
import type { Emulator } from "../../scripts/emulator/server";
import { freePort } from "../../scripts/lib/ports";
import { startApp, type TestApp } from "../helpers/app";
import { Client, signIn } from "../helpers/http";
import { runReconciler, startProviders, waitForGeneration } from "../helpers/providers";

const ENCRYPTION_SECRET = randomBytes(32).toString("base64");
const context = (id: string) => `provider_tokens:${id}`;

type Key = {
  id: string;
  provider: string;
  label: string;
  secret_hint: string;
  active: boolean;
  disabled_reason: string | null;
  request_count: number;
  error_count: number;
  last_used_at: string | null;
  last_error: string | null;
  cooldown_until: string | null;
  created_at: string;
};

/**
 * Sits between the app and the emulator's Replicate API: records which key each call carried,
 * and can refuse a key (401) as if it had been revoked at the provider after a submit.
 */
type ProxyCall = { method: string; path: string; auth: string; prompt: string | null };
/** The prompt a prediction request carries, to tell which job a call belongs to. */
function promptOf(chunks: Buffer[]): string | null {
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { input?: { prompt?: unknown } };
    return typeof body.input?.prompt === "string" ? body.input.prompt : null;
  } catch {
    return null;
  }
}

async function startReplicateProxy(target: string) {
  const calls: ProxyCall[] = [];
  const refused = new Set<string>();
  const server: Server = createServer(async (req, res) => {
    const auth = req.headers.authorization ?? "";
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    calls.push({ method: req.method ?? "GET", path: req.url ?? "/", auth, prompt: promptOf(chunks) });
    if (refused.has(auth)) {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ title: "Unauthenticated", detail: "Invalid token.", status: 401 }));
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).flatMap(([k, v]) =>
        typeof v === "string" && k !== "host" ? [[k, v]] : [],
      ),
    );
    const upstream = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const body = Buffer.from(await upstream.arrayBuffer());
    const out = Object.fromEntries(
      [...upstream.headers].filter(
        ([k]) => !["content-encoding", "content-length", "transfer-encoding"].includes(k),
      ),
    );
    res.writeHead(upstream.status, out);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let app: TestApp;
let emulator: Emulator;
let proxy: Awaited<ReturnType<typeof startReplicateProxy>>;
let root: Client;
let admin: Client;
let user: Client;

beforeAll(async () => {
  const providers = await startProviders();
  emulator = providers.emulator;
  proxy = await startReplicateProxy(emulator.url);
  app = await startApp({
    ...providers.env,
    REPLICATE_BASE_URL: `${proxy.url}/v1`,
    ENCRYPTION_SECRET,
    STARTING_CREDITS: "100000",
  });
  root = await signIn(app.url, "root@example.com");
  admin = await signIn(app.url, "admin@example.com");
  user = await signIn(app.url, "user@example.com");
  // What `npm run admin:grant` does.
  await app.db.sql`update profiles set role = 'super_admin' where email = 'root@example.com'`;
  await app.db.sql`update profiles set role = 'admin' where email = 'admin@example.com'`;
});
afterAll(async () => {
  await app?.stop();
  await proxy?.close();
  await emulator?.close();
});

const bearer = (secret: string) => `Bearer ${secret}`;
const callsTo = (method: string, path: RegExp) =>
  proxy.calls.filter((c) => c.method === method && path.test(c.path.split("?")[0] ?? ""));

async function addKey(provider: string, label: string, secret: string): Promise<Key> {
  const res = await root.post<Key>("/api/admin/keys", { provider, label, secret });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function listKeys(): Promise<Key[]> {
  const res = await root.get<{ keys: Key[] }>("/api/admin/keys");
  expect(res.status).toBe(200);
  return res.body.keys;
}

async function keyRow(id: string) {
  const [row] = await app.db.sql<
    {
      active: boolean;
      disabled_reason: string | null;
      error_count: string;
      cooldown_until: Date | null;
      request_count: string;
      secret_ciphertext: string;
    }[]
  >`
    select active, disabled_reason, error_count, request_count, cooldown_until, secret_ciphertext
    from provider_tokens where id = ${id}`;
  if (!row) throw new Error(`no key ${id}`);
  return row;
}

async function tokenOf(generationId: string): Promise<string | null> {
  const [row] = await app.db.sql<{ provider_token_id: string | null }[]>`
    select provider_token_id from generations where id = ${generationId}`;
  return row?.provider_token_id ?? null;
}

async function generate(
  model: string,
  prompt: string,
  input: Record<string, unknown> = {},
  timeoutMs = 30_000,
) {
  const res = await root.post<{ id: string }>("/api/generations/create", {
    model,
    input: { ...input, prompt },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const done = await waitForGeneration(root, res.body.id, timeoutMs);
  return { ...done, tokenId: await tokenOf(res.body.id) };
}

const disable = (id: string) =>
  root.request<Key>("PATCH", `/api/admin/keys/${id}`, { json: { active: false } });

describe("with an empty pool", () => {
  it("uses the env keys (the emulator's), recording no pool key", async () => {
    for (const model of ["flux-schnell", "fal-flux-dev", "gemini-2-5-flash-image"]) {
      const done = await generate(model, `env key ${model}`);
      expect(done.status, done.error ?? "").toBe("completed");
      expect(done.tokenId).toBeNull();
    }
  });
});

describe("access to /api/admin/keys", () => {
  const SOME_ID = "6f1c1f0e-8a51-4e8e-9d55-0d6f6c1b7a10";
  const ROUTES: [string, string, unknown?][] = [
    ["GET", "/api/admin/keys"],
    ["POST", "/api/admin/keys", { provider: "replicate", label: "x", secret: "r8_sneaky_secret" }],
    ["PATCH", `/api/admin/keys/${SOME_ID}`, { active: false }],
    ["DELETE", `/api/admin/keys/${SOME_ID}`],
  ];

  it.each(ROUTES)("%s %s: 403 for a user and an admin, 401 signed out", async (method, path, json) => {
    for (const [client, status] of [
      [user, 403],
      [admin, 403],
      [new Client(app.url), 401],
    ] as const) {
      const res = await client.request(method, path, json === undefined ? {} : { json });
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect(await app.db.sql`select id from provider_tokens`).toHaveLength(0);
  });

  it.each([
    [{ provider: "openai", label: "x", secret: "sk-123456789" }, /provider/],
    [{ provider: "replicate", label: "x" }, /secret/],
    [{ provider: "replicate", label: "", secret: "r8_123456789" }, /label/],
    [{ provider: "replicate", label: "x", secret: "short" }, /secret/],
  ])("refuses a bad key with a 400 naming the field (%j)", async (body, field) => {
    const res = await root.post("/api/admin/keys", body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: expect.any(String), message: expect.stringMatching(field) },
    });
  });
});

describe("two Replicate keys", () => {
  const SECRETS = ["r8_alpha_key_0001", "r8_bravo_key_0002"] as const;
  let a: Key;
  let b: Key;

  it("are added by a super admin and never shown again", async () => {
    a = await addKey("replicate", "Replicate A", SECRETS[0]);
    b = await addKey("replicate", "Replicate B", SECRETS[1]);
    expect(a).toMatchObject({
      provider: "replicate",
      label: "Replicate A",
      secret_hint: "…0001",
      active: true,
      request_count: 0,
      error_count: 0,
    });
    expect(Object.keys(a)).not.toContain("secret");
    expect(Object.keys(a)).not.toContain("secret_ciphertext");
    const listed = await root.get("/api/admin/keys");
    const text = JSON.stringify(listed.body);
    expect((listed.body as { keys: Key[] }).keys.map((k) => k.id)).toEqual([a.id, b.id]);
    for (const secret of SECRETS) {
      expect(JSON.stringify(a) + JSON.stringify(b) + text).not.toContain(secret);
      expect(text).not.toContain("v1.");
    }
  });

  it("are unreadable in the table: AES-GCM sealed, bound to their row", async () => {
    for (const [key, secret] of [
      [a, SECRETS[0]],
      [b, SECRETS[1]],
    ] as const) {
      const { secret_ciphertext: raw } = await keyRow(key.id);
      expect(raw).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
      for (const form of [
        secret,
        Buffer.from(secret).toString("base64"),
        Buffer.from(secret).toString("base64url"),
      ])
        expect(raw).not.toContain(form);
      expect(open(raw, ENCRYPTION_SECRET, context(key.id))).toBe(secret);
      expect(() => open(raw, ENCRYPTION_SECRET, context(key.id === a.id ? b.id : a.id))).toThrow();
    }
  });

  it("are audit-logged without the secret", async () => {
    const rows = await app.db.sql<
      { action: string; target_id: string; after: unknown; actor_email: string }[]
    >`
      select a.action, a.target_id, a.after, p.email as actor_email
      from audit_log a join profiles p on p.id = a.actor_id
      where a.target_type = 'provider_token' order by a.id`;
    expect(rows.map((r) => [r.action, r.target_id, r.actor_email])).toEqual([
      ["key.add", a.id, "root@example.com"],
      ["key.add", b.id, "root@example.com"],
    ]);
    const all = JSON.stringify(await app.db.sql`select * from audit_log`);
    for (const secret of SECRETS) expect(all).not.toContain(secret);
  });

  it("take turns, and each generation records the key it went out with", async () => {
    const used: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const done = await generate("flux-schnell", `round robin ${i}`);
      expect(done.status, done.error ?? "").toBe("completed");
      used.push(done.tokenId);
    }
    expect(used).toEqual([a.id, b.id, a.id, b.id]);
    const creates = callsTo("POST", /^\/v1\/(models\/[^/]+\/[^/]+\/)?predictions$/).slice(-4);
    expect(creates.map((c) => c.auth)).toEqual([SECRETS[0], SECRETS[1], SECRETS[0], SECRETS[1]].map(bearer));
    const counts = Object.fromEntries((await listKeys()).map((k) => [k.id, k.request_count]));
    expect(counts).toEqual({ [a.id]: 2, [b.id]: 2 });
  });

  it("checks webhooks against each key's account secret, asked once per key", async () => {
    const asked = callsTo("GET", /^\/v1\/webhooks\/default\/secret$/).map((c) => c.auth);
    expect(asked.sort()).toEqual([bearer("r8_emulator"), ...SECRETS.map(bearer)].sort());
  });

  it("polls and cancels a job with the key it was submitted with", async () => {
    const res = await root.post<{ id: string }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "quiet job [nohook]" },
    });
    const id = res.body.id;
    let tokenId: string | null = null;
    for (let i = 0; i < 100 && !tokenId; i++) {
      await new Promise((r) => setTimeout(r, 100));
      tokenId = await tokenOf(id);
    }
    expect([a.id, b.id]).toContain(tokenId);
    const secret = tokenId === a.id ? SECRETS[0] : SECRETS[1];
    const [{ provider_job_id: jobId } = { provider_job_id: "" }] = await app.db.sql<
      { provider_job_id: string }[]
    >`
      select provider_job_id from generations where id = ${id}`;
    const backdate = () =>
      app.db
        .sql`update generations set submitted_at = now() - interval '5 minutes', updated_at = now() - interval '5 minutes' where id = ${id}`;

    // That key is revoked at the provider: the poll is refused (and disables it), the other
    // key is not tried, because the job belongs to this key's account.
    proxy.refused.add(bearer(secret));
    await new Promise((r) => setTimeout(r, 500));
    await backdate();
    await runReconciler(app.url);
    const polls = callsTo("GET", new RegExp(`^/v1/predictions/${jobId}$`));
    expect(polls.map((c) => c.auth)).toEqual([bearer(secret)]);
    expect((await waitForGeneration(root, id, 0)).status).not.toBe("completed");
    expect(await keyRow(tokenId as string)).toMatchObject({
      active: false,
      disabled_reason: expect.stringMatching(/401/),
    });

    // Back in service and re-enabled: the next poll completes the job.
    proxy.refused.clear();
    const enabled = await root.request<Key>("PATCH", `/api/admin/keys/${tokenId}`, {
      json: { active: true },
    });
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ active: true, disabled_reason: null, cooldown_until: null });
    await backdate();
    await runReconciler(app.url);
    const done = await waitForGeneration(root, id);
    expect(done.status, done.error ?? "").toBe("completed");
    expect(callsTo("GET", new RegExp(`^/v1/predictions/${jobId}$`)).map((c) => c.auth)).toEqual([
      bearer(secret),
      bearer(secret),
    ]);

    // A cancel goes out with the job's key as well.
    const slow = await root.post<{ id: string }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "a long one [slow]" },
    });
    let slowToken: string | null = null;
    for (let i = 0; i < 100 && !slowToken; i++) {
      await new Promise((r) => setTimeout(r, 100));
      slowToken = await tokenOf(slow.body.id);
    }
    expect((await root.post(`/api/generations/${slow.body.id}/cancel`)).status).toBe(200);
    const cancels = callsTo("POST", /^\/v1\/predictions\/[^/]+\/cancel$/);
    expect(cancels.at(-1)?.auth).toBe(bearer(slowToken === a.id ? SECRETS[0] : SECRETS[1]));
  });
});

describe("failing keys", () => {
  let good: Key;

  it("a refused key (401) is disabled after its first use; the job goes through the next key", async () => {
    for (const key of await listKeys()) expect((await disable(key.id)).status).toBe(200);
    const disabled = await listKeys();
    expect(disabled.every((k) => !k.active && k.disabled_reason === "disabled by an admin")).toBe(true);
    const invalid = await addKey("replicate", "Revoked", "r8_invalid");
    good = await addKey("replicate", "Good", "r8_good_key_0003");
    const done = await generate("flux-schnell", "after a refused key");
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.tokenId).toBe(good.id);
    const row = await keyRow(invalid.id);
    expect(row).toMatchObject({ active: false, disabled_reason: expect.stringMatching(/401/) });
    expect(Number(row.error_count)).toBe(1);
    expect(Number(row.request_count)).toBe(1);
    // It is not picked again.
    const next = await generate("flux-schnell", "next one");
    expect(next.tokenId).toBe(good.id);
    expect(Number((await keyRow(invalid.id)).request_count)).toBe(1);
  });

  it("a rate-limited key (429) cools down; the job goes through the next key", async () => {
    const limited = await addKey("replicate", "Busy", "r8_ratelimited");
    const done = await generate("flux-schnell", "after a rate limit");
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.tokenId).toBe(good.id);
    const row = await keyRow(limited.id);
    expect(row.active).toBe(true);
    expect(Number(row.error_count)).toBe(1);
    expect(row.cooldown_until?.getTime()).toBeGreaterThan(Date.now() + 10_000);
    const listed = (await listKeys()).find((k) => k.id === limited.id);
    expect(listed?.last_error).toMatch(/429/);
    // While it cools down it is skipped.
    expect((await generate("flux-schnell", "during the cooldown")).tokenId).toBe(good.id);
  });

  it("fails the generation with a readable reason when no key works", async () => {
    expect((await disable(good.id)).status).toBe(200);
    await addKey("replicate", "Revoked 2", "r8_second_invalid");
    await addKey("replicate", "Busy 2", "r8_second_ratelimited");
    const done = await generate("flux-schnell", "no key works");
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/Replicate is rate limiting our API keys/);
    const none = await generate("flux-schnell", "nothing left");
    expect(none.status).toBe("failed");
    expect(none.error).toMatch(/No working Replicate API key/);
  });

  it("renames, re-enables (clearing the reason and the cooldown) and deletes keys, audit-logged", async () => {
    const keys = await listKeys();
    const busy = keys.find((k) => k.label === "Busy");
    expect(busy?.cooldown_until).not.toBeNull();
    const renamed = await root.request<Key>("PATCH", `/api/admin/keys/${busy?.id}`, {
      json: { label: "Busy (renamed)" },
    });
    expect(renamed.body).toMatchObject({ label: "Busy (renamed)", active: true });
    expect(renamed.body.cooldown_until).not.toBeNull();
    const revoked = keys.find((k) => k.label === "Revoked");
    const enabled = await root.request<Key>("PATCH", `/api/admin/keys/${revoked?.id}`, {
      json: { active: true },
    });
    expect(enabled.body).toMatchObject({ active: true, disabled_reason: null, cooldown_until: null });

    expect((await root.request("PATCH", `/api/admin/keys/${busy?.id}`, { json: {} })).status).toBe(400);
    expect(
      (await root.request("PATCH", `/api/admin/keys/${busy?.id}`, { json: { secret: "x" } })).status,
    ).toBe(400);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(
      (await root.request("PATCH", `/api/admin/keys/${missing}`, { json: { active: true } })).status,
    ).toBe(404);
    expect((await root.request("DELETE", "/api/admin/keys/not-a-uuid")).status).toBe(404);

    // Deleting every Replicate key empties the pool: env keys work again.
    for (const key of (await listKeys()).filter((k) => k.provider === "replicate"))
      expect((await root.request("DELETE", `/api/admin/keys/${key.id}`)).status).toBe(204);
    expect((await root.request("DELETE", `/api/admin/keys/${busy?.id}`)).status).toBe(404);
    expect(await listKeys()).toEqual([]);
    const done = await generate("flux-schnell", "pool emptied");
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.tokenId).toBeNull();
    // Generations keep their row; the deleted key is no longer referenced.
    const [refs] = await app.db.sql<
      { n: number }[]
    >`select count(*)::int as n from generations where provider_token_id is not null`;
    expect(refs?.n).toBe(0);

    const actions = await app.db.sql<{ action: string }[]>`
      select action from audit_log where target_type = 'provider_token' order by id`;
    const counted = actions.reduce<Record<string, number>>((acc, r) => {
      acc[r.action] = (acc[r.action] ?? 0) + 1;
      return acc;
    }, {});
    expect(counted).toMatchObject({
      "key.add": 7,
      "key.disable": 3,
      "key.enable": 2,
      "key.update": 1,
      "key.delete": 7,
    });
    const all = JSON.stringify(await app.db.sql`select * from audit_log`);
    expect(all).not.toMatch(/r8_(alpha|bravo|good)_key/);
  });
});

describe("three Replicate keys: one refused, one throttled, one good", () => {
  const SECRETS = { refused: "r8_trio_invalid", throttled: "r8_trio_ratelimited", good: "r8_trio_good_0005" };
  const createsBy = (prompt: string) =>
    callsTo("POST", /^\/v1\/(models\/[^/]+\/[^/]+\/)?predictions$/).filter((c) => c.prompt === prompt);
  const secretOf = (auth: string) =>
    Object.entries(SECRETS).find(([, secret]) => bearer(secret) === auth)?.[0] ?? auth;

  it("every job succeeds on the good key, each job trying each key at most once", async () => {
    for (const key of await listKeys()) if (key.provider === "replicate") await disable(key.id);
    const refused = await addKey("replicate", "Trio refused", SECRETS.refused);
    const throttled = await addKey("replicate", "Trio throttled", SECRETS.throttled);
    const good = await addKey("replicate", "Trio good", SECRETS.good);
    const prompts = Array.from({ length: 5 }, (_, i) => `trio job ${i}`);
    for (const prompt of prompts) {
      const done = await generate("flux-schnell", prompt);
      expect(done.status, done.error ?? "").toBe("completed");
      expect(done.tokenId).toBe(good.id);
    }
    // The first job met the refused key, then the throttled one, then went out with the good
    // one; by then the other two were disabled and cooling down, so the rest went straight there.
    expect(prompts.map((p) => createsBy(p).map((c) => secretOf(c.auth)))).toEqual([
      ["refused", "throttled", "good"],
      ["good"],
      ["good"],
      ["good"],
      ["good"],
    ]);
    expect(await keyRow(refused.id)).toMatchObject({
      active: false,
      disabled_reason: expect.stringMatching(/401/),
    });
    const cooling = await keyRow(throttled.id);
    expect(cooling.active).toBe(true);
    expect(cooling.cooldown_until?.getTime()).toBeGreaterThan(Date.now());
  });

  it("when every key fails, the job fails with a readable reason after trying each key once", async () => {
    for (const key of await listKeys()) if (key.provider === "replicate" && key.active) await disable(key.id);
    const secrets = ["r8_last_invalid", "r8_last_ratelimited", "r8_final_ratelimited"];
    for (const [i, secret] of secrets.entries()) await addKey("replicate", `Last ${i}`, secret);
    const prompt = "no key left to try";
    const done = await generate("flux-schnell", prompt);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/Replicate is rate limiting our API keys/);
    expect(done.tokenId).toBeNull();
    const calls = createsBy(prompt).map((c) => c.auth);
    expect(calls.sort()).toEqual(secrets.map(bearer).sort());
  });
});

describe("fal and Google keys", () => {
  it("fal: a refused key is disabled and the job goes through the next one", async () => {
    const invalid = await addKey("fal", "fal revoked", "key-id:invalid");
    const good = await addKey("fal", "fal good", "key-id:good-secret");
    const done = await generate("fal-flux-dev", "fal pool");
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.tokenId).toBe(good.id);
    expect((await keyRow(invalid.id)).active).toBe(false);
  });

  it("Gemini: a key refused with API_KEY_INVALID is disabled and the image comes from the next one", async () => {
    const invalid = await addKey("google", "google revoked", "AIza-test-invalid");
    const good = await addKey("google", "google good", "AIza-test-good-key");
    const done = await generate("gemini-2-5-flash-image", "gemini pool");
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.tokenId).toBe(good.id);
    expect(await keyRow(invalid.id)).toMatchObject({
      active: false,
      disabled_reason: expect.stringMatching(/API key not valid/),
    });
  });
});

describe("keys whose account is out of credit", () => {
  it("Replicate 402: the key rests with a reason an admin can read; the job goes through the next key", async () => {
    const broke = await addKey("replicate", "Replicate broke", "r8_broke_nocredit");
    const funded = await addKey("replicate", "Replicate funded", "r8_funded_key_0007");
    const done = await generate("flux-schnell", "after an empty account");
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.tokenId).toBe(funded.id);
    const row = await keyRow(broke.id);
    expect(row.active).toBe(true);
    expect(row.cooldown_until?.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    const listed = (await listKeys()).find((k) => k.id === broke.id);
    expect(listed?.last_error).toMatch(/^Out of credit: Replicate refused new jobs/);
    expect(listed?.last_error).toMatch(/402/);
  });

  it("fal 403 'Exhausted balance': the same", async () => {
    const broke = await addKey("fal", "fal broke", "key-id:nocredit");
    const done = await generate("fal-flux-dev", "fal after an empty account");
    expect(done.status, done.error ?? "").toBe("completed");
    expect(done.tokenId).not.toBe(broke.id);
    const row = await keyRow(broke.id);
    expect(row.cooldown_until?.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    const listed = (await listKeys()).find((k) => k.id === broke.id);
    expect(listed?.last_error).toMatch(/^Out of credit: fal refused new jobs/);
    expect(listed?.last_error).toMatch(/Exhausted balance/);
  });

  it("fails the job with the reason when every key's account is out of credit", async () => {
    // Only the funded key is left, and `[billing]` empties its account too. (Earlier tests' keys
    // that answer 429 would otherwise be back from their cooldown on a slow machine.)
    for (const key of await listKeys())
      if (key.provider === "replicate" && key.active && key.label !== "Replicate funded")
        await disable(key.id);
    const done = await generate("flux-schnell", "nobody can pay [billing]");
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/Our Replicate account is out of credit/);
  });
});

describe("startup", () => {
  it("refuses a malformed ENCRYPTION_SECRET with a readable message", async () => {
    const port = await freePort();
    const child = spawn(
      "node_modules/.bin/next",
      ["start", "--port", String(port), "--hostname", "127.0.0.1"],
      {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          ENCRYPTION_SECRET: "not-32-bytes-of-base64!",
          ...(process.env.NEXT_DIST_DIR && { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR }),
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve(null);
      }, 30_000);
      child.once("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code, output).not.toBe(0);
    expect(code, output).not.toBeNull();
    expect(output).toMatch(/Invalid environment configuration/);
    expect(output).toMatch(/ENCRYPTION_SECRET: must be 32 random bytes, base64/);
  });
});
