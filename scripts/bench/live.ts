// npm run bench:live — two parts (BENCH_LIVE_PARTS, both by default).
// "streams": what open live streams cost the server: BENCH_STREAMS signed-in users (100) each
// hold one idle server-sent event stream. Measures the server's RSS and CPU over BENCH_SECONDS
// (30) with no streams, with all of them open, and again after they closed; and one change for
// every user at once (a ledger grant each, in one statement): how long until every stream had
// its event. The streams share the server's one LISTEN connection.
// "thumbnails": provider done → thumbnail loaded in a /history tab in headless Chromium, while
// BENCH_OPEN_STREAMS (200) other users each hold a stream open (live-thumbnails.ts).
import { createHash, randomBytes } from "node:crypto";
import { providerUrlsOf, startEmulator } from "../emulator/server";
import { type BenchApp, mb, percentile, sampleLoad, startBenchApp, treeCpu, treeRss } from "./harness";
import { thumbnailLag } from "./live-thumbnails";

const STREAMS = Number(process.env.BENCH_STREAMS || 100);
const SECONDS = Number(process.env.BENCH_SECONDS || 30);
const OPEN_STREAMS = Number(process.env.BENCH_OPEN_STREAMS || 200);
const PARTS = (process.env.BENCH_LIVE_PARTS || "streams,thumbnails").split(",");

/** Mean RSS and CPU share of one core over `seconds` of doing nothing. */
async function idle(app: BenchApp, seconds: number) {
  const samples: number[] = [];
  const cpuBefore = treeCpu(app.pid);
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    samples.push(treeRss(app.pid));
    await new Promise((r) => setTimeout(r, 250));
  }
  const cpu = (treeCpu(app.pid) - cpuBefore) / ((performance.now() - started) / 1000);
  return { rss: samples.reduce((a, b) => a + b, 0) / samples.length, cpu };
}

type Stream = { abort: AbortController; status: number; credits: number | null; gotCreditsAt: number | null };

async function openStream(app: BenchApp, token: string): Promise<Stream> {
  const abort = new AbortController();
  const res = await fetch(`${app.url}/api/events`, {
    headers: { cookie: `atelier_session=${token}`, accept: "text/event-stream" },
    signal: abort.signal,
  });
  const stream: Stream = { abort, status: res.status, credits: null, gotCreditsAt: null };
  if (res.body) {
    const decoder = new TextDecoder();
    void (async () => {
      let text = "";
      try {
        for await (const chunk of res.body as ReadableStream<Uint8Array>) {
          text += decoder.decode(chunk, { stream: true });
          if (stream.gotCreditsAt === null && text.includes("event: credits"))
            stream.gotCreditsAt = performance.now();
          if (text.length > 4096) text = text.slice(-1024);
        }
      } catch {
        // aborted at the end of the run
      }
    })();
  }
  return stream;
}

const emulator = await startEmulator({ port: 0, speedFactor: 1 });
const app = await startBenchApp({
  ...providerUrlsOf(emulator),
  STARTING_CREDITS: "100000",
});
try {
  // The last user is the one watching /history in the thumbnail part; the others hold streams.
  const tokens = await signedInUsers(app, Math.max(STREAMS, OPEN_STREAMS) + 1);
  const watcher = tokens.pop() as string;
  // Untimed: compiles the route and opens the LISTEN connection before anything is measured.
  const warm = await openStream(app, tokens[0] as string);
  warm.abort.abort();
  // Startup work (compilation, the first collections) settles before the baseline.
  await new Promise((r) => setTimeout(r, 10_000));
  if (PARTS.includes("streams")) await streamCost(app, tokens.slice(0, STREAMS));
  if (PARTS.includes("thumbnails")) {
    const streams = await Promise.all(tokens.slice(0, OPEN_STREAMS).map((t) => openStream(app, t)));
    const refused = streams.filter((s) => s.status !== 200).length;
    const sampling = sampleLoad();
    const report = await thumbnailLag(app, watcher, OPEN_STREAMS - refused);
    const load = sampling.stop();
    console.log(
      `${new Date().toISOString()}, load average ${load.mean.toFixed(1)} (at most ${load.max.toFixed(1)})`,
    );
    for (const line of report.lines) console.log(line);
    for (const s of streams) s.abort.abort();
  }
} finally {
  await app.stop();
  await emulator.close();
}

/** Users with a session each, straight in the database; their session tokens. */
async function signedInUsers(app: BenchApp, count: number): Promise<string[]> {
  const users = await app.sql<{ id: string }[]>`
    insert into profiles (email) select 'live' || n || '@example.com' from generate_series(1, ${count}) n returning id`;
  const tokens = users.map(() => randomBytes(32).toString("base64url"));
  await app.sql`
    insert into sessions (user_id, token_hash, expires_at)
    select * from unnest(${users.map((u) => u.id)}::uuid[], ${tokens.map((t) => createHash("sha256").update(t).digest("hex"))}::text[],
                         array_fill(now() + interval '1 day', array[${users.length}]::int[]))`;
  return tokens;
}

async function streamCost(app: BenchApp, tokens: string[]): Promise<void> {
  const before = await idle(app, SECONDS);
  const opening = performance.now();
  const streams = await Promise.all(tokens.map((token) => openStream(app, token)));
  const openMs = performance.now() - opening;
  const refused = streams.filter((s) => s.status !== 200).length;
  await new Promise((r) => setTimeout(r, 3_000));
  const open = await idle(app, SECONDS);

  // One change for every user in one statement: the notifications fan out to every stream.
  const sent = performance.now();
  await app.sql`insert into credit_ledger (user_id, delta, reason) select id, 1, 'grant' from profiles where email like 'live%'`;
  const deadline = sent + 10_000;
  while (streams.some((s) => s.gotCreditsAt === null) && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 5));
  const latencies = streams
    .map((s) => (s.gotCreditsAt === null ? Number.POSITIVE_INFINITY : s.gotCreditsAt - sent))
    .sort((a, b) => a - b);
  const missed = latencies.filter((l) => !Number.isFinite(l)).length;

  for (const s of streams) s.abort.abort();
  await new Promise((r) => setTimeout(r, 3_000));
  const after = await idle(app, SECONDS);

  const perStream = (open.rss - before.rss) / STREAMS;
  console.log(
    `${STREAMS} streams (${refused} refused, opened in ${openMs.toFixed(0)} ms), ${SECONDS} s idle each:\n` +
      `  no streams: RSS ${mb(before.rss)}, CPU ${(before.cpu * 100).toFixed(2)} % of a core\n` +
      `  ${STREAMS} open: RSS ${mb(open.rss)} (${(perStream / 1024).toFixed(0)} KB per stream), ` +
      `CPU ${(open.cpu * 100).toFixed(2)} % of a core\n` +
      `  one change per user: every stream had its event after ${percentile(latencies, 100).toFixed(0)} ms ` +
      `(p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, ${missed} missed)\n` +
      `  all closed again: RSS ${mb(after.rss)}, CPU ${(after.cpu * 100).toFixed(2)} % of a core`,
  );
}
