// The trash's retention: the daily job removes generations trashed longer ago than the setting
// (Admin → Settings, 30 days by default) for good, rows and files; until then their files are
// still served. Storage use per user is shown on the profile and to admins.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { userIdOf } from "../helpers/gallery";
import { type Client, signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders, waitForGeneration } from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;
let alice: Client;
let admin: Client;
let aliceId: string;

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ env: { ADMIN_EMAILS: "root@example.com" } }));
  alice = await signIn(app.url, "alice@example.com");
  admin = await signIn(app.url, "root@example.com");
  aliceId = await userIdOf(app.db.sql, "alice@example.com");
});
afterAll(() => stopAppWithProviders(app, emulator));

async function generate(prompt: string) {
  const res = await alice.post<{ id: string }>("/api/generations/create", {
    model: "flux-schnell",
    input: { prompt },
  });
  const done = await waitForGeneration(alice, res.body.id);
  expect(done.status).toBe("completed");
  return { id: res.body.id, url: done.outputs[0]?.url ?? "" };
}

/** The files (not folders) stored under a generation. */
async function filesOf(generationId: string): Promise<string[]> {
  const dir = path.join(app.dataDir, "storage", "users", aliceId, "generations", generationId);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

async function runPurge(): Promise<void> {
  await app.db.sql`select graphile_worker.add_job('trash.purge', '{}'::json)`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [queued] = await app.db
      .sql`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'trash.purge'`;
    if (queued?.n === 0 || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

describe("trash retention", () => {
  it("removes what is past the retention period for good, files included, and nothing else", async () => {
    const expired = await generate("expired in the trash");
    const recent = await generate("recently trashed");
    const kept = await generate("never trashed");
    expect(await filesOf(expired.id)).not.toEqual([]);
    await alice.post("/api/generations/bulk", { action: "delete", ids: [expired.id, recent.id] });
    await app.db.sql`update generations set trashed_at = ${daysAgo(31)} where id = ${expired.id}`;
    await app.db.sql`update generations set trashed_at = ${daysAgo(29)} where id = ${recent.id}`;
    // In the trash, files are still served.
    expect((await fetch(expired.url)).status).toBe(200);

    await runPurge();

    const rows = await app.db.sql<{ id: string }[]>`select id from generations where user_id = ${aliceId}`;
    expect(rows.map((r) => r.id).sort()).toEqual([recent.id, kept.id].sort());
    expect(await filesOf(expired.id)).toEqual([]);
    expect((await fetch(expired.url)).status).toBe(404);
    expect(await app.db.sql`select 1 from assets where generation_id = ${expired.id}`).toHaveLength(0);
    expect(await filesOf(recent.id)).not.toEqual([]);
    expect((await fetch(recent.url)).status).toBe(200);
  });

  it("follows the retention setting an admin saves", async () => {
    const res = await admin.request("PUT", "/api/admin/settings/trash_retention_days", {
      json: { value: 7 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [recent] = await app.db.sql<
      { id: string }[]
    >`select id from generations where trashed_at is not null`;
    // 29 days in the trash is past a week: restoring is refused and the purge removes it.
    const restore = await alice.post("/api/generations/bulk", { action: "restore", ids: [recent?.id] });
    expect(restore.body).toEqual({ done: 0, skipped: 1, expired: 1 });
    await new Promise((r) => setTimeout(r, 5_500)); // the settings cache of other processes
    await runPurge();
    expect(await app.db.sql`select 1 from generations where id = ${recent?.id ?? ""}`).toHaveLength(0);
    const bad = await admin.request("PUT", "/api/admin/settings/trash_retention_days", {
      json: { value: 0 },
    });
    expect(bad.status).toBe(400);
  });

  it("shows storage use on the profile and to admins", async () => {
    const [row] = await app.db.sql<{ bytes: number }[]>`
      select sum(bytes)::float8 as bytes from assets where user_id = ${aliceId}`;
    expect(row?.bytes).toBeGreaterThan(0);
    const users = await admin.get<{ items: { email: string; storage_bytes: number }[] }>(
      "/api/admin/users?q=alice",
    );
    expect(users.body.items[0]).toMatchObject({ email: "alice@example.com", storage_bytes: row?.bytes });
    const profile = await alice.request("GET", "/profile");
    expect(profile.status).toBe(200);
    expect(String(profile.body)).toMatch(/Storage.*KB|Storage.*MB/s);
  });
});
