// The server side of live updates, below HTTP: which mode a deployment gets, how database
// notifications are read, and one browser's event stream (framing, heartbeats, resync on
// reconnect, the per-user limit, and leaving the hub when the browser goes away).
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { openEventStream } from "@/lib/live/event-stream";
import { LiveHub, MAX_STREAMS_PER_USER } from "@/lib/live/hub";
import { backoffMs } from "@/lib/live/listener";
import { liveModeFor } from "@/lib/live/mode";
import { parseNotification } from "@/lib/live/notification";

const ALICE = "6f1d2c4e-8a57-4d6b-9a0e-2f6f3b1c9d10";
const BOB = "0b7e4f8a-1c2d-4e5f-8a9b-c0d1e2f3a4b5";
const GEN = "9d5e1f7c-3b2a-4c8d-9e0f-1a2b3c4d5e6f";

describe("live mode", () => {
  const direct = "postgresql://postgres:pw@db.abcd.supabase.co:5432/postgres";
  const session = "postgresql://postgres.abcd:pw@aws-0-eu-central-1.pooler.supabase.com:5432/postgres";
  const transaction = "postgresql://postgres.abcd:pw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres";
  const cases: [string, Parameters<typeof liveModeFor>[0], string][] = [
    ["embedded Postgres", { databaseUrl: undefined, vercel: undefined, supabase: false }, "sse"],
    ["a direct connection (PM2 on a VPS)", { databaseUrl: direct, vercel: undefined, supabase: true }, "sse"],
    ["Supabase's session pooler", { databaseUrl: session, vercel: undefined, supabase: true }, "sse"],
    [
      "the transaction pooler, with Supabase",
      { databaseUrl: transaction, vercel: undefined, supabase: true },
      "realtime",
    ],
    [
      "the transaction pooler, local auth",
      { databaseUrl: transaction, vercel: undefined, supabase: false },
      "polling",
    ],
    [
      "a pgbouncer=true URL",
      { databaseUrl: `${direct}?pgbouncer=true`, vercel: undefined, supabase: true },
      "realtime",
    ],
    ["Vercel, even with a direct URL", { databaseUrl: direct, vercel: "1", supabase: true }, "realtime"],
    ["Vercel without Supabase", { databaseUrl: undefined, vercel: "1", supabase: false }, "polling"],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    expect(liveModeFor(input)).toBe(expected);
  });
});

describe("database notifications", () => {
  it("reads generation and credit changes with their owner", () => {
    const generation = {
      user_id: ALICE,
      type: "generation",
      id: GEN,
      status: "processing",
      deleted: false,
      version: 7,
    };
    expect(parseNotification(JSON.stringify(generation))).toEqual({
      userId: ALICE,
      event: { type: "generation", id: GEN, status: "processing", deleted: false },
    });
    expect(parseNotification(JSON.stringify({ user_id: BOB, type: "credits", credits: 40 }))).toEqual({
      userId: BOB,
      event: { type: "credits", credits: 40 },
    });
    const run = { user_id: ALICE, type: "flow_run", id: GEN, flow_id: GEN, status: "completed" };
    expect(parseNotification(JSON.stringify(run))).toEqual({
      userId: ALICE,
      event: { type: "flow_run", id: GEN, flow_id: GEN, status: "completed" },
    });
    expect(parseNotification(JSON.stringify({ ...run, status: "exploded" }))).toBeNull();
  });

  it("drops anything malformed or unknown, including a resync the database has no business sending", () => {
    for (const payload of [
      "not json",
      "null",
      JSON.stringify({ type: "credits", credits: 1 }),
      JSON.stringify({ user_id: "alice", type: "credits", credits: 1 }),
      JSON.stringify({ user_id: ALICE, type: "resync" }),
      JSON.stringify({ user_id: ALICE, type: "generation", id: GEN, status: "nope" }),
    ])
      expect(parseNotification(payload)).toBeNull();
  });

  it("reconnects with growing, capped, jittered delays", () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(n, 1))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(backoffMs(20, 1)).toBe(30_000);
    expect(backoffMs(20, 0)).toBe(15_000);
  });
});

/** Reads a stream's text as it arrives. */
function reader(stream: ReadableStream<Uint8Array>) {
  const source = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let done = false;
  void (async () => {
    for (;;) {
      const chunk = await source.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    done = true;
  })();
  return { text: () => text, done: () => done, cancel: () => source.cancel() };
}

const tick = () => new Promise((r) => setTimeout(r, 10));

describe("event stream", () => {
  it("starts with a retry hint and an id, then carries the user's events, framed", async () => {
    const hub = new LiveHub();
    const abort = new AbortController();
    const read = reader(openEventStream({ userId: ALICE, resume: false, signal: abort.signal, hub }));
    hub.publish(ALICE, { type: "generation", id: GEN, status: "completed", deleted: false });
    hub.publish(BOB, { type: "credits", credits: 1 });
    hub.publish(ALICE, { type: "credits", credits: 90 });
    await tick();
    expect(read.text()).toBe(
      "retry: 3000\nid: 1\n\n" +
        `id: 2\nevent: generation\ndata: {"id":"${GEN}","status":"completed","deleted":false}\n\n` +
        'id: 3\nevent: credits\ndata: {"credits":90}\n\n',
    );
    abort.abort();
  });

  it("a reconnect (Last-Event-ID) begins with a resync instead of a replay", async () => {
    const hub = new LiveHub();
    const abort = new AbortController();
    const read = reader(openEventStream({ userId: ALICE, resume: true, signal: abort.signal, hub }));
    await tick();
    expect(read.text()).toBe("retry: 3000\nid: 1\n\nid: 2\nevent: resync\ndata: {}\n\n");
    abort.abort();
  });

  it("sends heartbeat comments while nothing happens", async () => {
    const hub = new LiveHub();
    const abort = new AbortController();
    const read = reader(
      openEventStream({ userId: ALICE, resume: false, signal: abort.signal, hub, heartbeatMs: 20 }),
    );
    await new Promise((r) => setTimeout(r, 75));
    expect(read.text().match(/^: heartbeat\n\n/gm)?.length).toBeGreaterThanOrEqual(2);
    abort.abort();
  });

  it("leaves the hub and ends when the client goes away, or cancels", async () => {
    const hub = new LiveHub();
    const abort = new AbortController();
    const read = reader(openEventStream({ userId: ALICE, resume: false, signal: abort.signal, hub }));
    const other = reader(
      openEventStream({ userId: ALICE, resume: false, signal: new AbortController().signal, hub }),
    );
    expect(hub.count(ALICE)).toBe(2);
    abort.abort();
    await tick();
    expect(hub.count(ALICE)).toBe(1);
    expect(read.done()).toBe(true);
    await other.cancel();
    expect(hub.count()).toBe(0);
  });

  it("ends every stream at once when the server stops", async () => {
    const hub = new LiveHub();
    const signal = new AbortController().signal;
    const streams = [ALICE, ALICE, BOB].map((userId) =>
      reader(openEventStream({ userId, resume: false, signal, hub })),
    );
    hub.closeAll();
    await tick();
    expect(streams.map((s) => s.done())).toEqual([true, true, true]);
    expect(hub.count()).toBe(0);
  });

  it("refuses a stream past the per-user limit with a 429, not touching other users", () => {
    const hub = new LiveHub();
    const signal = new AbortController().signal;
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++)
      openEventStream({ userId: ALICE, resume: false, signal, hub });
    let refused: unknown;
    try {
      openEventStream({ userId: ALICE, resume: false, signal, hub });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(429);
    expect(hub.count(ALICE)).toBe(MAX_STREAMS_PER_USER);
    expect(() => openEventStream({ userId: BOB, resume: false, signal, hub })).not.toThrow();
  });

  it("closes a stream nobody reads instead of buffering for it without end", () => {
    const hub = new LiveHub();
    openEventStream({ userId: ALICE, resume: false, signal: new AbortController().signal, hub });
    const big = { type: "generation", id: GEN, status: "processing", deleted: false } as const;
    for (let i = 0; i < 2_000 && hub.count(ALICE) > 0; i++) hub.publish(ALICE, big);
    expect(hub.count(ALICE)).toBe(0);
  });
});
