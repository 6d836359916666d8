// npm run bench:list — 50k generations in the table and 100 concurrent pollers, each its own
// signed-in user. Reports p50/p95 of the list (fresh 200s and ETag 304s) beside GET /api/health
// measured the same way in the same run.
import { createHash, randomBytes } from "node:crypto";
import { mb, percentile, sampleRss, startBenchApp } from "./harness";

const ROWS = Number(process.env.BENCH_ROWS || 50_000);
const POLLERS = Number(process.env.BENCH_POLLERS || 100);
const SECONDS = Number(process.env.BENCH_SECONDS || 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const PAGE = Number(process.env.BENCH_PAGE || 30);

const app = await startBenchApp({});
try {
  // 100 users share 50k generations (500 each, 30 outputs per page with signed URLs).
  const users = await app.sql`
    insert into profiles (email) select 'poller' || n || '@example.com' from generate_series(1, ${POLLERS}) n returning id`;
  const output = app.sql.json([
    {
      path: "users/x/generations/y/0.webp",
      thumb_path: "users/x/generations/y/0.thumb.webp",
      mime: "image/webp",
      width: 1024,
      height: 1024,
      bytes: 123456,
    },
  ]);
  await app.sql`
    insert into generations (user_id, model_id, provider, kind, status, input, prompt, outputs, created_at, completed_at)
    select u.ids[1 + (n % ${POLLERS})], 'flux-schnell', 'replicate', 'image', 'completed', '{"prompt":"bench"}'::jsonb,
           'a benchmark prompt number ' || n, ${output},
           now() - make_interval(secs => n), now() - make_interval(secs => n)
    from generate_series(1, ${ROWS}) n, (select array_agg(id) ids from profiles) u`;
  await app.sql`analyze generations`;
  const tokens = users.map(() => randomBytes(32).toString("base64url"));
  await app.sql`
    insert into sessions (user_id, token_hash, expires_at)
    select * from unnest(${users.map((u) => u.id)}::uuid[], ${tokens.map((t) => createHash("sha256").update(t).digest("hex"))}::text[],
                         array_fill(now() + interval '1 day', array[${users.length}]::int[]))`;

  type Phase = { name: string; path: string; etag: boolean };
  const health: Phase = { name: "GET /api/health", path: "/api/health", etag: false };
  const full: Phase = {
    name: "list, 200 (full page)",
    path: `/api/generations/list?limit=${PAGE}`,
    etag: false,
  };
  const unchanged: Phase = {
    name: "list, 304 (unchanged)",
    path: `/api/generations/list?limit=${PAGE}`,
    etag: true,
  };
  const measured = [health, full, unchanged];

  // Every poller runs one phase back to back until the deadline; returns each request's latency.
  async function runPhase(phase: Phase, seconds: number, statuses: Map<number, number>): Promise<number[]> {
    const latencies: number[] = [];
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      tokens.map(async (token) => {
        const headers: Record<string, string> = { cookie: `atelier_session=${token}` };
        if (phase.etag) {
          const first = await fetch(`${app.url}${phase.path}`, { headers });
          const etag = first.headers.get("etag");
          await first.arrayBuffer();
          if (etag) headers["if-none-match"] = etag;
        }
        while (performance.now() < deadline) {
          const start = performance.now();
          const res = await fetch(`${app.url}${phase.path}`, { headers });
          await res.arrayBuffer();
          latencies.push(performance.now() - start);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    );
    return latencies;
  }

  const rss = sampleRss(app.pid);
  // Untimed: lets the server compile and warm its routes before anything is measured.
  for (const phase of [full, health]) await runPhase(phase, 3, new Map());
  // The phases take turns in short rounds, so a drift in this machine's speed (±10 % within
  // minutes) falls on all three alike instead of on whichever phase ran during it.
  const results = measured.map(() => ({ latencies: [] as number[], statuses: new Map<number, number>() }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, phase] of measured.entries()) {
      const result = results[i] as (typeof results)[number];
      result.latencies.push(...(await runPhase(phase, SECONDS / ROUNDS, result.statuses)));
    }
  }
  for (const [i, phase] of measured.entries()) {
    const { latencies, statuses } = results[i] as (typeof results)[number];
    latencies.sort((a, b) => a - b);
    const line = `${phase.name.padEnd(24)} p50 ${percentile(latencies, 50).toFixed(1)} ms  p95 ${percentile(latencies, 95).toFixed(1)} ms  ${(latencies.length / SECONDS).toFixed(0)} req/s  statuses ${JSON.stringify(Object.fromEntries(statuses))}`;
    console.log(line);
  }
  console.log(
    `rows ${ROWS}, pollers ${POLLERS}, ${SECONDS} s per phase in ${ROUNDS} rounds, server peak RSS ${mb(rss.stop())}`,
  );
} finally {
  await app.stop();
}
