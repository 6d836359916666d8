// The second half of npm run bench:live: from the provider marking a job succeeded to its
// thumbnail loaded in a signed-in /history tab in headless Chromium, while BENCH_OPEN_STREAMS other
// signed-in users each hold a stream open. Generations are created one after another through
// the API; each is timed through every step: the provider's own completion time (the
// emulator's `completed_at`, in the webhook body the app stored), the webhook's arrival (the
// event row's `received_at`), the row completed with its outputs (`completed_at`), the event in
// the page, the list response after it, the <img> in the page, its load.
import { createHash } from "node:crypto";
import type { BenchApp } from "./harness";
import { percentile } from "./harness";
import { openHistory, type ThumbTimes } from "./live-page";

const THUMBS = Number(process.env.BENCH_THUMBS || 30);
/** Untimed generations first: route compilation and the first image decode are not the point. */
const WARMUP = 2;

type Row = { id: string; done: number; received: number; picked: number; completed: number };

/** Records when each webhook's job was taken by a worker, as it leaves the queue (as bench:jobs). */
async function recordJobStarts(app: BenchApp): Promise<void> {
  await app.sql.unsafe(`
    create table bench_webhook_jobs (event_id uuid, locked_at timestamptz);
    create function bench_record_webhook_job() returns trigger language plpgsql as $$
    begin
      if old.payload->>'eventId' is not null then
        insert into bench_webhook_jobs values ((old.payload->>'eventId')::uuid, old.locked_at);
      end if;
      return old;
    end $$;
    create trigger bench_record_webhook_job before delete on graphile_worker._private_jobs
      for each row execute function bench_record_webhook_job();`);
}

export type ThumbnailReport = { lines: string[]; missed: number; total: number[] };

async function serverTimes(app: BenchApp, ids: string[]): Promise<Map<string, Row>> {
  const rows = await app.sql<
    { id: string; provider_done: string; received_at: Date; locked_at: Date; completed_at: Date }[]
  >`
    select g.id, e.payload->>'completed_at' as provider_done, e.received_at, j.locked_at, g.completed_at
    from generations g
    join webhook_events e on e.generation_id = g.id and e.payload->>'status' = 'succeeded'
    join bench_webhook_jobs j on j.event_id = e.id
    where g.id = any(${ids}::uuid[])`;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        done: Date.parse(r.provider_done),
        received: r.received_at.getTime(),
        picked: r.locked_at.getTime(),
        completed: r.completed_at.getTime(),
      },
    ]),
  );
}

const stats = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(0)} / p95 ${percentile(sorted, 95).toFixed(0)} / max ${percentile(sorted, 100).toFixed(0)} ms`;
};

export async function thumbnailLag(
  app: BenchApp,
  token: string,
  otherStreams: number,
): Promise<ThumbnailReport> {
  await app.sql`
    insert into credit_ledger (user_id, delta, reason)
    select user_id, 100000, 'grant' from sessions where token_hash = ${createHash("sha256").update(token).digest("hex")}`;
  await recordJobStarts(app);
  const history = await openHistory(app.url, token);
  try {
    const create = async (n: number) => {
      const res = await fetch(`${app.url}/api/generations/create`, {
        method: "POST",
        headers: { cookie: `atelier_session=${token}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "flux-schnell", input: { prompt: `live thumbnail ${n}` } }),
      });
      const body = (await res.json()) as { id?: string };
      if (res.status !== 202 || !body.id) throw new Error(`create: ${res.status} ${JSON.stringify(body)}`);
      return body.id;
    };
    const skewBefore = await history.clockSkew();
    const timed: ThumbTimes[] = [];
    let missed = 0;
    for (let n = 0; n < WARMUP + THUMBS; n++) {
      const id = await create(n);
      const times = await history.loaded(id, 20_000);
      if (!times) missed += 1;
      else if (n >= WARMUP) timed.push(times);
      // The page settles (its list refetch, the image decode) before the next job starts.
      await new Promise((r) => setTimeout(r, 300));
    }
    const skewAfter = await history.clockSkew();
    const server = await serverTimes(
      app,
      timed.map((t) => t.id),
    );
    const steps = timed.flatMap((t) => {
      const s = server.get(t.id);
      return s ? [{ ...t, ...s }] : [];
    });
    const total = steps.map((s) => s.loaded - s.done);
    const lines = [
      `provider done → thumbnail loaded, ${steps.length} generations, ${otherStreams} other streams open, ${missed} missed: ${stats(total)}`,
      `  provider done → webhook stored:      ${stats(steps.map((s) => s.received - s.done))}`,
      `  webhook stored → its job taken:      ${stats(steps.map((s) => s.picked - s.received))}`,
      `  job taken → row completed:           ${stats(steps.map((s) => s.completed - s.picked))}`,
      `  row completed → event in the page:   ${stats(steps.map((s) => (s.event ?? Number.NaN) - s.completed))}`,
      `  event → list response:               ${stats(steps.map((s) => (s.listEnd ?? Number.NaN) - (s.event ?? Number.NaN)))}`,
      `  list response → <img> in the page:   ${stats(steps.map((s) => s.inserted - (s.listEnd ?? Number.NaN)))}`,
      `  <img> in the page → loaded:          ${stats(steps.map((s) => s.loaded - s.inserted))}`,
      `    of which the image request:        ${stats(steps.map((s) => (s.imageEnd ?? Number.NaN) - (s.imageStart ?? Number.NaN)))}`,
      `  page clock − Date.now(): ${skewBefore.toFixed(1)} ms before, ${skewAfter.toFixed(1)} ms after`,
    ];
    return { lines, missed, total };
  } finally {
    await history.close();
  }
}
