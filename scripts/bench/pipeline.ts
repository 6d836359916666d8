// npm run bench:pipeline — N signed Replicate webhooks, each completing a generation with
// 4 images of 2048×2048, delivered at once. Reports the server's images/s, CPU per image and
// peak RSS beside the raw sharp thumbnail rate and CPU per image for the same files, measured in
// the same run, and the load average meanwhile. CPU per image is the steadier figure on a shared
// machine: other load stretches the wall clock of both runs, but hardly what each image costs.
// BENCH_THREADS=1 also prints the CPU of the server and of the raw runs by thread name.
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { Semaphore } from "../../lib/media/semaphore";
import { sharp } from "../../lib/media/sharp-config";
import { makeThumbnail } from "../../lib/media/thumbnail";
import { signStandardWebhook } from "../../lib/providers/standard-webhooks";
import { freePort, mb, sampleLoad, sampleRss, startBenchApp, threadCpu, treeCpu, treeRss } from "./harness";

const WEBHOOKS = Number(process.env.BENCH_WEBHOOKS || 200);
const IMAGES_PER_WEBHOOK = 4;
const SIZE = 2048;

const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;
const SECRET = `whsec_${Buffer.from("bench-webhook-secret-0123456789").toString("base64")}`;

// Four distinct photo-like JPEGs (noise compresses about as badly as a real photo).
const files = await Promise.all(
  Array.from({ length: IMAGES_PER_WEBHOOK }, (_, i) =>
    sharp({
      create: {
        width: SIZE,
        height: SIZE,
        channels: 3,
        background: "#000",
        noise: { type: "gaussian", mean: 100 + i * 20, sigma: 40 },
      },
    })
      .jpeg({ quality: 85 })
      .toBuffer(),
  ),
);
console.log(
  `files: ${IMAGES_PER_WEBHOOK} × ${SIZE}×${SIZE} JPEG, ${mb(files.reduce((n, f) => n + f.length, 0))} in all`,
);

// Raw rate: the same thumbnail call, two at a time (the server's MAX_CONCURRENT_MEDIA), no HTTP,
// no storage. Measured before and after the pipeline and averaged, so a slow or fast spell of
// the machine does not decide the ratio.
const RAW_IMAGES = 240;
type Rate = { rate: number; cpuPerImage: number; threads: Map<string, number> };
async function rawRate(): Promise<Rate> {
  const semaphore = new Semaphore(2);
  const started = performance.now();
  // All of this process's threads (libvips' included); nothing else runs here meanwhile.
  const cpu = process.cpuUsage();
  const threads = threadCpu(process.pid);
  await Promise.all(
    Array.from({ length: RAW_IMAGES }, (_, i) =>
      semaphore.withPermit(() => makeThumbnail(files[i % files.length] as Buffer)),
    ),
  );
  const used = process.cpuUsage(cpu);
  return {
    rate: RAW_IMAGES / ((performance.now() - started) / 1000),
    cpuPerImage: (used.user + used.system) / 1e6 / RAW_IMAGES,
    threads: threadCpu(process.pid).since(threads),
  };
}
const rawBefore = await rawRate();

// The CDN the outputs come from.
const mediaPort = await freePort();
const media = createServer((req, res) => {
  const index = Number(/\/(\d+)\.jpg$/.exec(req.url ?? "")?.[1] ?? -1);
  const file = files[index % IMAGES_PER_WEBHOOK];
  if (!file) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": "image/jpeg", "content-length": file.length }).end(file);
}).listen(mediaPort, "127.0.0.1");

const app = await startBenchApp({
  REPLICATE_WEBHOOK_SECRET: SECRET,
  REPLICATE_BASE_URL: "http://127.0.0.1:9/v1",
  MEDIA_HOST_ALLOWLIST: "127.0.0.1",
  ...(process.env.MAX_CONCURRENT_MEDIA && { MAX_CONCURRENT_MEDIA: process.env.MAX_CONCURRENT_MEDIA }),
  ...(process.env.JOB_CONCURRENCY && { JOB_CONCURRENCY: process.env.JOB_CONCURRENCY }),
});
try {
  const [user] = await app.sql`insert into profiles (email) values ('bench@example.com') returning id`;
  const generations = await app.sql`
    insert into generations (user_id, model_id, provider, kind, status, input, prompt, provider_job_id, submitted_at)
    select ${user?.id}, 'flux-schnell', 'replicate', 'image', 'processing', '{}'::jsonb, 'bench', 'bench-' || n, now()
    from generate_series(1, ${WEBHOOKS}) as n
    returning id, provider_job_id`;
  const idleRss = treeRss(app.pid);
  const rss = sampleRss(app.pid);
  const load = sampleLoad();
  const threadsBefore = threadCpu(app.pid);
  const cpuBefore = treeCpu(app.pid);
  const started = performance.now();
  await Promise.all(
    generations.map((g, i) => {
      const body = JSON.stringify({
        id: g.provider_job_id,
        status: "succeeded",
        output: Array.from(
          { length: IMAGES_PER_WEBHOOK },
          (_, k) => `http://127.0.0.1:${mediaPort}/out/${i}/${k}.jpg`,
        ),
      });
      const id = `msg_${i}`;
      const ts = String(Math.floor(Date.now() / 1000));
      return fetch(`${app.url}/api/webhook/replicate?generation=${g.id}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "webhook-id": id,
          "webhook-timestamp": ts,
          "webhook-signature": `v1,${signStandardWebhook(SECRET, id, ts, body)}`,
        },
        body,
      }).then((r) => {
        if (r.status !== 200) throw new Error(`webhook answered ${r.status}`);
      });
    }),
  );
  const accepted = performance.now() - started;
  for (;;) {
    const [row] = await app.sql`select count(*) filter (where status = 'completed')::int as done,
      count(*) filter (where status = 'failed')::int as failed from generations`;
    if ((row?.done ?? 0) + (row?.failed ?? 0) >= WEBHOOKS) {
      if (row?.failed) console.log(`failed generations: ${row.failed}`);
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = rss.stop();
  // The CPU figure waits for the queue to empty: the last generations' `generation.ended` jobs
  // are part of what an image costs.
  for (;;) {
    const [row] = await app.sql`select count(*)::int as n from graphile_worker.jobs`;
    if (row?.n === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const serverCpu = treeCpu(app.pid) - cpuBefore;
  const threadsAfter = threadCpu(app.pid);
  const loadDuring = load.stop();
  const images = WEBHOOKS * IMAGES_PER_WEBHOOK;
  const rate = images / seconds;
  const cpuPerImage = serverCpu / images;
  console.log(
    `webhooks: ${WEBHOOKS} delivered at once, all answered 200 in ${(accepted / 1000).toFixed(2)} s`,
  );
  console.log(
    `pipeline: ${images} images in ${seconds.toFixed(1)} s = ${rate.toFixed(1)} images/s; ` +
      `server CPU ${serverCpu.toFixed(1)} s = ${ms(cpuPerImage)} per image`,
  );
  const rawAfter = await rawRate();
  const raw = (rawBefore.rate + rawAfter.rate) / 2;
  const rawCpu = (rawBefore.cpuPerImage + rawAfter.cpuPerImage) / 2;
  console.log(
    `raw sharp thumbnail rate: ${raw.toFixed(1)} images/s (before ${rawBefore.rate.toFixed(1)}, after ${rawAfter.rate.toFixed(1)}); ` +
      `CPU ${ms(rawCpu)} per image (before ${ms(rawBefore.cpuPerImage)}, after ${ms(rawAfter.cpuPerImage)})`,
  );
  console.log(
    `ratio to raw sharp: CPU per image ${((rawCpu / cpuPerImage) * 100).toFixed(0)} %, ` +
      `wall clock ${((rate / raw) * 100).toFixed(0)} % (budget ≥ 80 %)`,
  );
  console.log(`server RSS: idle ${mb(idleRss)}, peak ${mb(peak)} (budget < 330 MB)`);
  console.log(
    `load average during the pipeline: mean ${loadDuring.mean.toFixed(1)}, max ${loadDuring.max.toFixed(1)} ` +
      `(${availableParallelism()} cores)`,
  );
  if (process.env.BENCH_THREADS) {
    printThreads("server", threadsAfter.since(threadsBefore), serverCpu, images);
    printThreads("raw sharp, before", rawBefore.threads, rawBefore.cpuPerImage * RAW_IMAGES, RAW_IMAGES);
    printThreads("raw sharp, after", rawAfter.threads, rawAfter.cpuPerImage * RAW_IMAGES, RAW_IMAGES);
  }
} finally {
  await app.stop();
  media.close();
}

function printThreads(title: string, threads: Map<string, number>, total: number, images: number) {
  console.log(`${title}, CPU by thread:`);
  const line = (name: string, s: number) =>
    console.log(`  ${name.padEnd(18)} ${s.toFixed(1).padStart(5)} s  ${ms(s / images)} per image`);
  for (const [name, s] of [...threads].sort((a, b) => b[1] - a[1]).filter(([, s]) => s >= 0.05))
    line(name, s);
  const ended = total - [...threads.values()].reduce((a, b) => a + b, 0);
  if (ended >= 0.05) line("(threads that ended)", ended);
}
