// Bulk actions on the gallery: star, tag, move, trash and restore many generations at once.
// Other people's ids among them are skipped and counted, never read or changed; the trash
// hides items everywhere outputs are listed until they are restored (or their time is up).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app";
import { newSession, seedGenerations, seedMany, userIdOf } from "../helpers/gallery";
import { type Client, signIn } from "../helpers/http";

let app: TestApp;
let alice: Client;
let aliceId: string;
let bobId: string;
let bobGeneration: string;

type Result = { done: number; skipped: number; expired?: number };

beforeAll(async () => {
  app = await startApp();
  alice = await signIn(app.url, "alice@example.com");
  await signIn(app.url, "bob@example.com");
  aliceId = await userIdOf(app.db.sql, "alice@example.com");
  bobId = await userIdOf(app.db.sql, "bob@example.com");
  [bobGeneration] = (await seedGenerations(app.db.sql, bobId, [{ prompt: "bob's own", tags: ["mine"] }])) as [
    string,
  ];
});
afterAll(async () => {
  await app?.stop();
});

const bulk = (body: Record<string, unknown>) => alice.post<Result>("/api/generations/bulk", body);

/** Bob's generation exactly as it was seeded. */
async function expectBobUntouched() {
  const [row] = await app.db.sql`
    select starred, tags, workspace_id, trashed_at from generations where id = ${bobGeneration}`;
  expect(row).toEqual({ starred: false, tags: ["mine"], workspace_id: null, trashed_at: null });
}

describe("bulk actions", () => {
  it("stars, tags, untags and unstars; another user's id is skipped and untouched", async () => {
    const mine = await seedMany(app.db.sql, aliceId, 3, "small batch");
    const ids = [...mine, bobGeneration];
    expect((await bulk({ action: "star", ids })).body).toEqual({ done: 3, skipped: 1 });
    expect((await bulk({ action: "tag", ids, tag: "  Sea Views " })).body).toEqual({ done: 3, skipped: 1 });
    const rows = await app.db.sql`select starred, tags from generations where id = any(${mine}::uuid[])`;
    expect(rows.every((r) => r.starred && r.tags.join() === "sea views")).toBe(true);
    // Tagging again adds no duplicate; untagging removes it.
    await bulk({ action: "tag", ids: mine, tag: "sea views" });
    expect((await app.db.sql`select tags from generations where id = ${mine[0]!}`)[0]?.tags).toEqual([
      "sea views",
    ]);
    expect((await bulk({ action: "untag", ids, tag: "sea views" })).body).toEqual({ done: 3, skipped: 1 });
    expect((await bulk({ action: "unstar", ids })).body).toEqual({ done: 3, skipped: 1 });
    await expectBobUntouched();
  });

  it("moves into the caller's session only", async () => {
    const mine = await seedMany(app.db.sql, aliceId, 2, "to move");
    const session = await newSession(app.db.sql, aliceId, "Destination");
    const bobsSession = await newSession(app.db.sql, bobId, "Bob's session");
    const moved = await bulk({ action: "move", ids: [...mine, bobGeneration], session });
    expect(moved.body).toEqual({ done: 2, skipped: 1 });
    const list = await alice.get<{ items: { id: string }[] }>(`/api/generations/list?session=${session}`);
    expect(list.body.items.map((i) => i.id).sort()).toEqual([...mine].sort());
    const refused = await bulk({ action: "move", ids: mine, session: bobsSession });
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ error: { code: "not_found", field: "session" } });
    expect((await bulk({ action: "move", ids: mine, session: null })).body).toEqual({ done: 2, skipped: 0 });
    await expectBobUntouched();
  });

  it("handles 10,000 ids with one of another user's among them", async () => {
    const mine = await seedMany(app.db.sql, aliceId, 9_999, "ten thousand");
    const ids = [...mine.slice(0, 5_000), bobGeneration, ...mine.slice(5_000)];
    expect(ids).toHaveLength(10_000);
    const started = performance.now();
    const res = await bulk({ action: "tag", ids, tag: "batch" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ done: 9_999, skipped: 1 });
    // Seconds, not minutes, on a busy two-core machine (one version bump, not 10,000).
    expect(performance.now() - started).toBeLessThan(15_000);
    const [count] = await app.db.sql`select count(*)::int as n from generations where 'batch' = any(tags)`;
    expect(count?.n).toBe(9_999);
    expect((await bulk({ action: "delete", ids })).body).toEqual({ done: 9_999, skipped: 1 });
    await expectBobUntouched();
    expect((await bulk({ action: "restore", ids })).body).toEqual({ done: 9_999, skipped: 1, expired: 0 });
    await app.db.sql.begin(async (tx) => {
      await tx`select set_config('atelier.bulk_update', 'on', true)`;
      await tx`delete from generations where id = any(${mine}::uuid[])`;
    });
  }, 120_000); // seeding and four passes over 10,000 rows, on a machine that may be busy

  it.each([
    ["an unknown action", { action: "explode", ids: [crypto.randomUUID()] }, "action"],
    ["no ids", { action: "star", ids: [] }, "ids"],
    ["an id that is no uuid", { action: "star", ids: ["not-a-uuid"] }, "ids.0"],
    ["10,001 ids", { action: "star", ids: Array.from({ length: 10_001 }, () => crypto.randomUUID()) }, "ids"],
    ["a tag action without a tag", { action: "tag", ids: [crypto.randomUUID()] }, "tag"],
    ["a tag with markup", { action: "tag", ids: [crypto.randomUUID()], tag: "<b>" }, "tag"],
    ["a tag past 40 characters", { action: "tag", ids: [crypto.randomUUID()], tag: "x".repeat(41) }, "tag"],
    ["a move without a session", { action: "move", ids: [crypto.randomUUID()] }, "session"],
    ["an unknown key", { action: "star", ids: [crypto.randomUUID()], extra: 1 }, undefined],
  ])("refuses %s with a 400", async (_label, body, field) => {
    const res = await bulk(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "bad_request", ...(field ? { field } : {}) } });
  });
});

describe("trash", () => {
  it("hides a trashed item from the list and lineage but keeps serving its files until it is removed", async () => {
    const [kept, trashed] = await seedGenerations(app.db.sql, aliceId, [
      { prompt: "keep me" },
      { prompt: "throw me away" },
    ]);
    await app.db.sql`update generations set outputs = ${app.db.sql.json([
      {
        path: `users/${aliceId}/generations/${trashed}/0.png`,
        mime: "image/png",
        width: 1,
        height: 1,
        bytes: 1,
      },
    ])} where id = ${trashed!}`;
    expect((await bulk({ action: "delete", ids: [trashed, bobGeneration] })).body).toEqual({
      done: 1,
      skipped: 1,
    });
    const list = await alice.get<{ items: { id: string }[] }>("/api/generations/list?q=me");
    expect(list.body.items.map((i) => i.id)).toEqual([kept]);
    const trash = await alice.get<{ items: { id: string; trashed_at: string }[] }>(
      "/api/generations/trash?q=throw",
    );
    expect(trash.body.items).toEqual([
      expect.objectContaining({ id: trashed, trashed_at: expect.any(String) }),
    ]);
    // Still readable on its own (its result page offers the restore).
    expect((await alice.get(`/api/generations/${trashed}`)).status).toBe(200);
    // Trashing it again, or starring it while in the trash, does nothing.
    expect((await bulk({ action: "delete", ids: [trashed] })).body).toEqual({ done: 0, skipped: 1 });
    expect((await bulk({ action: "star", ids: [trashed] })).body).toEqual({ done: 0, skipped: 1 });
    expect((await bulk({ action: "restore", ids: [trashed, kept, bobGeneration] })).body).toEqual({
      done: 1,
      skipped: 2,
      expired: 0,
    });
    const back = await alice.get<{ items: { id: string }[] }>("/api/generations/list?q=me");
    expect(back.body.items.map((i) => i.id).sort()).toEqual([kept, trashed].sort());
    await expectBobUntouched();
  });

  it("leaves a running job out of the trash", async () => {
    const [running] = await seedGenerations(app.db.sql, aliceId, [
      { prompt: "still running", status: "queued" },
    ]);
    expect((await bulk({ action: "delete", ids: [running] })).body).toEqual({ done: 0, skipped: 1 });
  });

  it("will not restore an item whose trash period has passed, and says so", async () => {
    const [old] = await seedGenerations(app.db.sql, aliceId, [
      { prompt: "long gone", trashedAt: new Date(Date.now() - 31 * 86_400_000).toISOString() },
    ]);
    const res = await bulk({ action: "restore", ids: [old] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ done: 0, skipped: 1, expired: 1 });
    const [row] = await app.db.sql`select trashed_at from generations where id = ${old!}`;
    expect(row?.trashed_at).not.toBeNull();
  });
});
