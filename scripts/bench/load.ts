// npm run bench:load — production load as browsers make it: 50 signed-in tabs, each polling its
// history list once a second with its ETag (as the page does while a job runs) and reloading
// the full page every tenth poll, for 60 s. Reports errors, p50/p95 and the server's peak RSS.
import { createHash, randomBytes } from "node:crypto";
import { mb, percentile, sampleRss, startBenchApp } from "./harness";

const TABS = Number(process.env.BENCH_TABS || 50);
const SECONDS = Number(process.env.BENCH_SECONDS || 60);
const ROWS_PER_USER = Number(process.env.BENCH_ROWS_PER_USER || 200);
const INTERVAL_MS = 1000;

const app = await startBenchApp({});
try {
  const users = await app.sql<{ id: string }[]>`
    insert into profiles (email) select 'tab' || n || '@example.com' from generate_series(1, ${TABS}) n returning id`;
  const output = app.sql.json([
    {
      path: "users/x/generations/y/0.webp",
      thumb_path: "users/x/generations/y/0.thumb.webp",
      mime: "image/webp",
    },
  ]);
  await app.sql`
    insert into generations (user_id, model_id, provider, kind, status, input, prompt, outputs, created_at, completed_at)
    select u.id, 'flux-schnell', 'replicate', 'image', 'completed', '{}'::jsonb, 'a load prompt ' || n, ${output},
           now() - make_interval(secs => n), now() - make_interval(secs => n)
    from profiles u, generate_series(1, ${ROWS_PER_USER}) n`;
  await app.sql`analyze generations`;
  const tokens = users.map(() => randomBytes(32).toString("base64url"));
  await app.sql`
    insert into sessions (user_id, token_hash, expires_at)
    select * from unnest(${users.map((u) => u.id)}::uuid[], ${tokens.map((t) => createHash("sha256").update(t).digest("hex"))}::text[],
                         array_fill(now() + interval '1 day', array[${users.length}]::int[]))`;

  // Untimed: lets the server compile and warm the route before anything is measured.
  for (let i = 0; i < 3; i++)
    await Promise.all(
      tokens.map((token) =>
        fetch(`${app.url}/api/generations/list?limit=30`, {
          headers: { cookie: `atelier_session=${token}` },
        }).then((res) => res.arrayBuffer()),
      ),
    );

  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
  const rss = sampleRss(app.pid);
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    tokens.map(async (token, tab) => {
      // Tabs start spread over the first second, as people do not open them in lockstep.
      await new Promise((r) => setTimeout(r, (tab / TABS) * INTERVAL_MS));
      let etag: string | null = null;
      for (let poll = 0; performance.now() < deadline; poll++) {
        const start = performance.now();
        const headers: Record<string, string> = { cookie: `atelier_session=${token}` };
        if (etag && poll % 10 !== 0) headers["if-none-match"] = etag;
        try {
          const res = await fetch(`${app.url}/api/generations/list?limit=30`, { headers });
          await res.arrayBuffer();
          etag = res.headers.get("etag") ?? etag;
          count(String(res.status));
        } catch {
          count("network error");
        }
        const elapsed = performance.now() - start;
        latencies.push(elapsed);
        await new Promise((r) => setTimeout(r, Math.max(0, INTERVAL_MS - elapsed)));
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const errors = [...statuses].filter(([s]) => s !== "200" && s !== "304").reduce((n, [, c]) => n + c, 0);
  console.log(
    `${TABS} tabs, ${SECONDS} s: ${latencies.length} requests, ${errors} errors, ` +
      `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, ` +
      `statuses ${JSON.stringify(Object.fromEntries(statuses))}, server peak RSS ${mb(rss.stop())}`,
  );
} finally {
  await app.stop();
}
