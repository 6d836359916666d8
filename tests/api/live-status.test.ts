// What a running job looks like while it runs: the emulator runs `[slow]` jobs the way the
// providers do (Replicate: a start webhook, then logs webhooks with tqdm progress; fal: a queue
// status that answers IN_QUEUE, then IN_PROGRESS with logs), and the generation records each
// state, its start and its progress, in order, with nothing ever moving it back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../scripts/emulator/server";
import type { TestApp } from "../helpers/app";
import { type Client, signIn } from "../helpers/http";
import { deliverReplicateWebhook, startAppWithProviders, stopAppWithProviders } from "../helpers/providers";

let app: TestApp;
let emulator: Emulator;
let alice: Client;

beforeAll(async () => {
  // [slow] takes 20 s × 0.2 = 4 s: queued or starting for 1.2 s, then 2.8 s of progress.
  ({ app, emulator } = await startAppWithProviders({ speedFactor: 0.2 }));
  alice = await signIn(app.url, "alice@example.com");
});
afterAll(() => stopAppWithProviders(app, emulator));

type Snapshot = {
  status: string;
  provider_status: string | null;
  progress: number | null;
  started_at: string | null;
  completed_at: string | null;
  created_at: string;
  latest_log: string | null;
};

/** The generation as its owner reads it, every 40 ms until it has ended. */
async function follow(id: string): Promise<Snapshot[]> {
  const seen: Snapshot[] = [];
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await alice.get<Snapshot>(`/api/generations/${id}`);
    expect(res.status).toBe(200);
    seen.push(res.body);
    if (!["queued", "processing"].includes(res.body.status) || Date.now() > deadline) return seen;
    await new Promise((r) => setTimeout(r, 40));
  }
}

const changes = <T>(values: T[]) => values.filter((v, i) => v !== values[i - 1]);

async function create(model: string, prompt: string): Promise<string> {
  const res = await alice.post<{ id: string }>("/api/generations/create", { model, input: { prompt } });
  expect(res.status).toBe(202);
  return res.body.id;
}

describe.each([
  { provider: "replicate", model: "flux-schnell", before: ["starting"] },
  { provider: "fal", model: "fal-flux-dev", before: ["queued"] },
])("a [slow] $provider job", ({ model, before }) => {
  it("records its provider states, its start and its progress in order", async () => {
    const id = await create(model, `a long exposure of a pier [slow] ${model}`);
    const seen = await follow(id);
    const last = seen.at(-1)!;
    expect(last.status).toBe("completed");

    expect(changes(seen.map((s) => s.status))).toEqual(["queued", "processing", "completed"]);
    const reported = changes(seen.map((s) => s.provider_status).filter((s) => s !== null));
    expect(reported).toEqual([...before, "processing"]);
    // Running from the provider's start, which lies between creation and completion.
    const running = seen.filter((s) => s.status === "processing");
    expect(running.every((s) => s.provider_status === "processing" && s.started_at !== null)).toBe(true);
    const started = Date.parse(last.started_at ?? "");
    expect(started).toBeGreaterThanOrEqual(Date.parse(last.created_at));
    expect(started).toBeLessThanOrEqual(Date.parse(last.completed_at ?? ""));
    expect(new Set(running.map((s) => s.started_at)).size).toBe(1);
    // Progress only grows while it runs, through several steps to past the middle.
    const progress = running.map((s) => s.progress).filter((p) => p !== null);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBeGreaterThanOrEqual(2);
    expect(Math.max(...progress)).toBeGreaterThan(0.5);
    expect(running.at(-1)?.latest_log).toMatch(/\d+%\|.*\| \d+\/\d+/);
    // The start is logged, for operators and for measuring how soon people see it.
    expect(app.logs()).toMatch(new RegExp(`"message":"generation started".*"generationId":"${id}"`));
  });
});

/** A Replicate webhook for the job, signed with the emulator's account secret. */
async function replicateWebhook(generationId: string, eventId: string, prediction: Record<string, unknown>) {
  const res = await deliverReplicateWebhook({ appUrl: app.url, emulator, generationId, eventId, prediction });
  expect(res.status).toBe(200);
  // Processed by its job after the answer: wait until it has been.
  for (let i = 0; i < 100; i++) {
    const [row] = await app.db.sql`select processed_at from webhook_events where event_id = ${eventId}`;
    if (row?.processed_at) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`webhook ${eventId} was not processed`);
}

const providerJobId = async (id: string) =>
  String((await app.db.sql`select provider_job_id from generations where id = ${id}`)[0]?.provider_job_id);

const LIVE_COLUMNS = ["status", "provider_status", "started_at", "progress", "latest_log"] as const;
const liveColumns = async (id: string) => {
  const [row] = await app.db.sql`
    select status, provider_status, started_at, progress, latest_log from generations where id = ${id}`;
  return row;
};

describe("a stale or out-of-order report", () => {
  it("never moves a running job back: an earlier state, or logs older than those recorded", async () => {
    const id = await create("flux-schnell", "a slow tide [slow] out of order");
    let before: Awaited<ReturnType<typeof liveColumns>>;
    for (;;) {
      before = await liveColumns(id);
      if (Number(before?.progress ?? 0) >= 0.1) break;
      await new Promise((r) => setTimeout(r, 40));
    }
    const jobId = await providerJobId(id);
    // The start delivered late, and logs that saw less of the run than those recorded (a
    // delivery retried after later ones went through).
    await replicateWebhook(id, `msg_late_start_${id}`, { id: jobId, status: "starting", logs: "" });
    const stale = "Using seed: 1\n  5%|▌         | 1/20 [00:00<00:04,  4.00it/s]";
    await replicateWebhook(id, `msg_old_logs_${id}`, {
      id: jobId,
      status: "processing",
      logs: stale,
      started_at: new Date().toISOString(),
    });
    // The real run goes on meanwhile, so the row may have moved, but only forward.
    const after = await liveColumns(id);
    expect(after?.status).toMatch(/processing|completed/);
    expect(after?.provider_status).toBe("processing");
    expect(after?.started_at).toEqual(before?.started_at);
    expect(Number(after?.progress)).toBeGreaterThanOrEqual(Number(before?.progress));
    expect(after?.latest_log).not.toBe(stale.split("\n")[1]?.trim());
  });

  /** The value once it has stayed the same for half a second (at most 15 s of waiting). */
  async function settled<T>(read: () => Promise<T>): Promise<T> {
    let last = await read();
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 500));
      const now = await read();
      if (now === last) return now;
      last = now;
    }
    return last;
  }

  it("never reopens a finished job: a logs webhook after completed changes nothing", async () => {
    const id = await create("flux-schnell", "a quick sketch of a gull");
    const seen = await follow(id);
    expect(seen.at(-1)?.status).toBe("completed");
    const jobId = await providerJobId(id);
    const before = await liveColumns(id);
    const version = async () =>
      (await app.db.sql`select generations_version from profiles where email = 'alice@example.com'`)[0]
        ?.generations_version;
    // The counter is the user's: wait until nothing of hers still moves it (the run the test
    // before left going, this job's own ended hook), so only the late webhook could.
    const listVersion = await settled(version);
    await replicateWebhook(id, `msg_after_end_${id}`, {
      id: jobId,
      status: "processing",
      logs: `Using seed: 1\n${"x".repeat(5000)}\n 50%|█████     | 10/20 [00:01<00:01, 10.00it/s]`,
      started_at: new Date().toISOString(),
    });
    const after = await liveColumns(id);
    for (const column of LIVE_COLUMNS) expect(after?.[column], column).toEqual(before?.[column]);
    // Not even the list's change counter moved: an open list stays a 304.
    expect(await version()).toEqual(listVersion);
    // The delivery is kept as a record, with only the tail of its (cumulative) logs.
    const [event] = await app.db.sql`
      select payload->>'logs' as logs from webhook_events where event_id = ${`msg_after_end_${id}`}`;
    expect(String(event?.logs)).toHaveLength(2_000);
    expect(String(event?.logs)).toMatch(/ 50%\|█+ +\| 10\/20/);
  });
});
