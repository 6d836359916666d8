// Live updates over server-sent events, end to end: the emulator moves a real job through its
// states, the database announces each change, the app's one LISTEN connection fans it out to
// the owner's open streams only, within a second. Plus the limits: signed out, too many streams,
// a stream the client drops, a reconnect, a second app process on the same database, and a
// deployment where LISTEN is impossible.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import { startApp, type TestApp } from "../helpers/app";
import { type EventStream, openEventStream, type StreamEvent } from "../helpers/event-stream";
import { type Client, signIn } from "../helpers/http";
import { startAppWithProviders, stopAppWithProviders } from "../helpers/providers";

const MAX_STREAMS_PER_USER = 10;

let app: TestApp;
let emulator: Emulator;
let admin: Client;
const open: EventStream[] = [];

beforeAll(async () => {
  ({ app, emulator } = await startAppWithProviders({ env: { ADMIN_EMAILS: "admin@example.com" } }));
  admin = await signIn(app.url, "admin@example.com");
});
afterAll(async () => {
  for (const stream of open) stream.close();
  await stopAppWithProviders(app, emulator);
});

async function stream(client: Client | null, headers: Record<string, string> = {}): Promise<EventStream> {
  const s = await openEventStream(client, app.url, headers);
  open.push(s);
  return s;
}

const userId = async (client: Client) => (await client.get<{ id: string }>("/api/me")).body.id;
const balance = async (client: Client) => (await client.get<{ credits: number }>("/api/me")).body.credits;
const grant = (id: string, delta: number) =>
  admin.post<{ credits: number }>(`/api/admin/users/${id}/credits`, { delta, reason: "live updates test" });
const ms = (value: Date) => value.getTime();

describe("GET /api/events", () => {
  it("answers 401 without a session", async () => {
    const s = await stream(null);
    expect(s.status).toBe(401);
    expect(s.body).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("streams a job's changes to its owner within a second of each, and nothing to anyone else", async () => {
    const alice = await signIn(app.url, "alice@example.com");
    const bob = await signIn(app.url, "bob@example.com");
    const aliceStream = await stream(alice);
    const bobStream = await stream(bob);
    expect(aliceStream.status).toBe(200);
    expect(aliceStream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(aliceStream.headers.get("cache-control")).toMatch(/no-cache/);

    const created = await alice.post<{ id: string }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "a lighthouse, live" },
    });
    expect(created.status).toBe(202);
    const id = created.body.id;
    const isJob = (e: StreamEvent) => e.event === "generation" && e.data.id === id;
    const done = await aliceStream.waitFor((e) => isJob(e) && e.data.status === "completed", 30_000);

    const statuses = aliceStream.events.filter(isJob).map((e) => e.data.status);
    expect(statuses.filter((s, i) => s !== statuses[i - 1])).toEqual(["queued", "processing", "completed"]);
    // Each event within a second of the change it announces (the row's own timestamps).
    const [row] = await app.db.sql<{ created_at: Date; completed_at: Date }[]>`
      select created_at, completed_at from generations where id = ${id}`;
    const queued = aliceStream.events.find(isJob);
    expect(queued!.at - ms(row!.created_at)).toBeLessThan(1_000);
    expect(done.at - ms(row!.completed_at)).toBeLessThan(1_000);
    // The charge arrived as a balance, the one the API reports.
    const charged = await balance(alice);
    await aliceStream.waitFor((e) => e.event === "credits" && e.data.credits === charged);

    // Bob's stream works (his own grant arrives) but carried nothing of Alice's: no job, and
    // only his own balances (his sign-in grant may be announced just after his stream opened).
    const bobBefore = await balance(bob);
    await grant(await userId(bob), 5);
    await bobStream.waitFor((e) => e.event === "credits" && e.data.credits === bobBefore + 5);
    expect(bobStream.events.filter((e) => e.event !== "credits")).toEqual([]);
    for (const e of bobStream.events) expect([bobBefore, bobBefore + 5]).toContain(e.data.credits);
    expect(JSON.stringify(bobStream.events)).not.toContain(id);
  });

  it("an admin's grant reaches the user as their new balance within a second", async () => {
    const carol = await signIn(app.url, "carol@example.com");
    const s = await stream(carol);
    const before = await balance(carol);
    const sent = Date.now();
    expect((await grant(await userId(carol), 25)).status).toBe(200);
    const event = await s.waitFor((e) => e.event === "credits" && e.data.credits === before + 25);
    expect(event.data).toEqual({ credits: before + 25 });
    expect(event.at - sent).toBeLessThan(1_000);
  });

  it("asks browsers to retry after a few seconds, and answers a reconnect with a resync", async () => {
    const dave = await signIn(app.url, "dave@example.com");
    const first = await stream(dave);
    await expect.poll(() => first.retry).toBeGreaterThan(0);
    const again = await stream(dave, { "last-event-id": "1" });
    const resync = await again.waitFor(() => true);
    expect(resync.event).toBe("resync");
    // A first connection has nothing to catch up on.
    expect(first.events.filter((e) => e.event === "resync")).toEqual([]);
  });

  it("allows a bounded number of streams per user; one the client drops frees its place", async () => {
    const erin = await signIn(app.url, "erin@example.com");
    const streams = await Promise.all(Array.from({ length: MAX_STREAMS_PER_USER }, () => stream(erin)));
    expect(streams.map((s) => s.status)).toEqual(Array(MAX_STREAMS_PER_USER).fill(200));
    const refused = await stream(erin);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: "rate_limited" } });
    // Other users are not affected by Erin's tabs.
    expect((await stream(await signIn(app.url, "frank@example.com"))).status).toBe(200);

    streams[0]!.close();
    await streams[0]!.ended;
    // The server notices the dropped connection and counts the stream out.
    let replacement: EventStream | null = null;
    await expect
      .poll(
        async () => {
          const s = await stream(erin);
          if (s.status === 200) replacement = s;
          return s.status;
        },
        { timeout: 5_000, interval: 100 },
      )
      .toBe(200);
    // And the place it took is the last one again.
    expect((await stream(erin)).status).toBe(429);
    // The new stream is live.
    const erinBefore = await balance(erin);
    await grant(await userId(erin), 1);
    await replacement!.waitFor((e) => e.event === "credits" && e.data.credits === erinBefore + 1);
    expect(app.logs()).not.toMatch(/"level":"error"/);
  });
});

describe("when the LISTEN connection is lost", () => {
  it("reconnects, tells every open stream to resync, and delivers changes again", async () => {
    const ivan = await signIn(app.url, "ivan@example.com");
    const s = await stream(ivan);
    const killed = await app.db.sql`
      select pg_terminate_backend(pid) from pg_stat_activity
      where application_name = 'atelier-live' and datname = current_database()`;
    expect(killed).toHaveLength(1);
    await s.waitFor((e) => e.event === "resync", 10_000);
    const before = await balance(ivan);
    await grant(await userId(ivan), 3);
    await s.waitFor((e) => e.event === "credits" && e.data.credits === before + 3);
  });
});

describe("several app processes behind one database", () => {
  it("a client of the second process sees a job created and completed through the first", async () => {
    // After the LISTEN test above, which counts this database's listeners. B runs no jobs: submitting, the provider's webhook (sent to APP_URL) and the completion all
    // happen in A. B learns of them only through its own LISTEN connection.
    const sibling = await app.startSibling({ JOB_WORKER: "external" });
    const judy = await signIn(app.url, "judy@example.com");
    const onA = await stream(judy);
    const onB = await openEventStream(judy, sibling.url);
    open.push(onB);
    expect([onA.status, onB.status]).toEqual([200, 200]);

    const created = await judy.post<{ id: string }>("/api/generations/create", {
      model: "flux-schnell",
      input: { prompt: "a lighthouse, seen from the other process" },
    });
    expect(created.status).toBe(202);
    const id = created.body.id;
    const completed = (e: StreamEvent) =>
      e.event === "generation" && e.data.id === id && e.data.status === "completed";
    const [seenOnB, seenOnA] = await Promise.all([
      onB.waitFor(completed, 30_000),
      onA.waitFor(completed, 30_000),
    ]);
    const [row] = await app.db.sql<
      { completed_at: Date }[]
    >`select completed_at from generations where id = ${id}`;
    expect(seenOnB.at - ms(row!.completed_at)).toBeLessThan(1_000);
    expect(seenOnA.at - ms(row!.completed_at)).toBeLessThan(1_000);
    // The job really was A's: B's log has no request of the provider's and no job of its own.
    expect(sibling.logs()).not.toContain(id);
    expect(app.logs()).toContain(id);
  });
});

describe("where the server cannot LISTEN (Vercel)", () => {
  let vercel: TestApp;
  beforeAll(async () => {
    vercel = await startApp({ VERCEL: "1" });
  });
  afterAll(() => vercel?.stop());

  it("answers at once that live updates are unavailable here, and health says polling", async () => {
    const client = await signIn(vercel.url, "grace@example.com");
    const started = Date.now();
    const s = await openEventStream(client, vercel.url);
    expect(s.status).toBe(404);
    expect(s.body).toMatchObject({ error: { code: "live_unavailable" }, live: "polling" });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await client.get("/api/health")).body).toMatchObject({ status: "ok", live: "polling" });
  });
});

describe("shutting down with streams open", () => {
  let app: TestApp;
  let stopped = false;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    if (!stopped) await app?.stop();
  });

  it("ends the streams so the server stops at once instead of waiting for them", async () => {
    const client = await signIn(app.url, "heidi@example.com");
    const streams = await Promise.all([openEventStream(client, app.url), openEventStream(client, app.url)]);
    expect(streams.map((s) => s.status)).toEqual([200, 200]);
    const started = Date.now();
    await app.stop();
    stopped = true;
    // The helper kills a server that has not stopped after 5 s.
    expect(Date.now() - started).toBeLessThan(2_000);
    await Promise.all(streams.map((s) => s.ended));
  });
});
