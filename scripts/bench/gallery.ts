// npm run bench:gallery — one user with 20,000 generations (images and videos, 200 sessions,
// tags, stars) seeded straight into the database. Reports p50/p95 of the gallery's first page,
// a prompt search, a facet combination and the next page at depth 10,000, beside GET
// /api/health measured the same way in the same run; the server's peak RSS over idle while it
// streams a zip of 1,000 originals; and, in headless Chromium, the frame rate and the most
// tiles mounted while the gallery scrolls through 10,000 items.

import { Pool } from "undici";
import { scrollGallery } from "./gallery-browser";
import { SEARCH_WORD, seedGallery } from "./gallery-seed";
import { mb, percentile, startBenchApp, treeRss } from "./harness";

const ROWS = Number(process.env.BENCH_ROWS || 20_000);
// Eight clients at once (the server saturated), then one at a time (what one person waits for).
const CLIENTS = (process.env.BENCH_CLIENTS || "8,1").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS || 20);
// Phases take turns a second at a time, so that the machine's slow spells, which last seconds,
// fall on every phase alike rather than on the one whose turn it was.
const ROUNDS = Number(process.env.BENCH_ROUNDS || 20);
const ZIP_FILES = Number(process.env.BENCH_ZIP || 1_000);
const SCROLL_ITEMS = Number(process.env.BENCH_SCROLL || 10_000);
// What the gallery asks for per page (components/gallery/use-gallery-items.ts).
const PAGE = 60;

const app = await startBenchApp({});
try {
  const dataDir = app.dataDir;
  const seeded = await seedGallery(app.sql, dataDir, ROWS, ZIP_FILES);
  const cookie = { cookie: `atelier_session=${seeded.token}` };
  // The load comes from this process, on the same cores as the server and Postgres. undici's
  // own request API costs a fraction of fetch's per response (fetch spent about 0.7 ms on a page
  // of 60, 0.2 ms on a health check): with fetch, the ratio weighed the client as much as the server.
  const pool = new Pool(app.url, { connections: Math.max(...CLIENTS) });
  const get = async (path: string): Promise<Buffer> => {
    const res = await pool.request({ path, method: "GET", headers: cookie });
    const body = Buffer.from(await res.body.arrayBuffer());
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode}`);
    return body;
  };
  // Timed requests read every byte as it arrives and keep none: gathering a page of 60 into one
  // buffer cost the load generator, on the server's cores, another 0.1 ms per request.
  const drain = async (path: string): Promise<void> => {
    const res = await pool.request({ path, method: "GET", headers: cookie });
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode}`);
    let bytes = 0;
    for await (const chunk of res.body) bytes += (chunk as Buffer).length;
    if (bytes === 0) throw new Error(`${path}: empty answer`);
  };

  // The cursor after 10,000 items, found by paging there once.
  let cursor = "";
  for (let seen = 0; seen < 10_000; seen += PAGE) {
    const page = JSON.parse(
      (await get(`/api/generations/list?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ""}`)).toString(),
    ) as { next_cursor: string };
    cursor = page.next_cursor;
  }

  const phases = [
    { name: "GET /api/health", path: "/api/health" },
    { name: "first page", path: `/api/generations/list?limit=${PAGE}` },
    { name: "prompt search", path: `/api/generations/list?limit=${PAGE}&q=${SEARCH_WORD}` },
    {
      name: "facet combination",
      path: `/api/generations/list?limit=${PAGE}&kind=image&model=${seeded.model}&tag=${seeded.tag}&starred=false&from=2026-01-01`,
    },
    { name: "page at depth 10,000", path: `/api/generations/list?limit=${PAGE}&cursor=${cursor}` },
  ];

  async function run(path: string, clients: number, seconds: number, into: number[]) {
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) {
          const start = performance.now();
          await drain(path);
          into.push(performance.now() - start);
        }
      }),
    );
  }
  for (const clients of CLIENTS) {
    for (const phase of phases) await run(phase.path, clients, 2, []);
    const latencies = phases.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round++)
      for (const [i, phase] of phases.entries())
        await run(phase.path, clients, SECONDS / ROUNDS, latencies[i] as number[]);
    const healthP95 = percentile(
      [...(latencies[0] as number[])].sort((a, b) => a - b),
      95,
    );
    console.log(`${clients} ${clients === 1 ? "client" : "clients"}:`);
    for (const [i, phase] of phases.entries()) {
      const sorted = [...(latencies[i] as number[])].sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      console.log(
        `  ${phase.name.padEnd(22)} p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  (${(p95 / healthP95).toFixed(2)} × health)  ${sorted.length} requests`,
      );
    }
  }
  await pool.close();

  // The zip: 1,000 originals of 512 KB, read at the client's pace.
  await new Promise((r) => setTimeout(r, 2_000));
  const idle = treeRss(app.pid);
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss(app.pid));
  }, 25);
  const started = performance.now();
  const res = await fetch(`${app.url}/api/generations/download`, {
    method: "POST",
    headers: { ...cookie, "content-type": "application/json" },
    body: JSON.stringify({ ids: seeded.ids.slice(0, ZIP_FILES) }),
  });
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  clearInterval(sampler);
  console.log(
    `zip of ${ZIP_FILES} originals: ${mb(bytes)} in ${((performance.now() - started) / 1000).toFixed(1)} s, server RSS idle ${mb(idle)} → peak ${mb(peak)} (+${mb(peak - idle)})`,
  );

  const scroll = await scrollGallery(app.url, seeded.token, SCROLL_ITEMS);
  console.log(
    `scroll through ${scroll.items} items in ${scroll.seconds.toFixed(1)} s: ${scroll.fps.toFixed(1)} fps (p95 frame ${scroll.p95FrameMs.toFixed(1)} ms), at most ${scroll.maxTiles} tiles mounted`,
  );
  console.log(`rows ${ROWS}, ${CLIENTS.join(" then ")} clients, ${SECONDS} s per phase in ${ROUNDS} rounds`);
} finally {
  await app.stop();
}
