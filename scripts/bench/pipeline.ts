// npm run bench:pipeline — N signed Replicate webhooks, each completing a generation with
// 4 images of 2048×2048, delivered at once. Reports the server's images/s and peak RSS beside
// the raw sharp thumbnail rate for the same files, measured in the same run.
import { createServer } from "node:http";
import { Semaphore } from "../../lib/media/semaphore";
import { sharp } from "../../lib/media/sharp-config";
import { makeThumbnail } from "../../lib/media/thumbnail";
import { signStandardWebhook } from "../../lib/providers/standard-webhooks";
import { freePort, mb, sampleRss, startBenchApp, treeRss } from "./harness";

const WEBHOOKS = Number(process.env.BENCH_WEBHOOKS || 200);
const IMAGES_PER_WEBHOOK = 4;
const SIZE = 2048;
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
async function rawRate(): Promise<number> {
  const semaphore = new Semaphore(2);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: RAW_IMAGES }, (_, i) =>
      semaphore.withPermit(() => makeThumbnail(files[i % files.length] as Buffer)),
    ),
  );
  return RAW_IMAGES / ((performance.now() - started) / 1000);
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
  const rate = (WEBHOOKS * IMAGES_PER_WEBHOOK) / seconds;
  console.log(
    `webhooks: ${WEBHOOKS} delivered at once, all answered 200 in ${(accepted / 1000).toFixed(2)} s`,
  );
  console.log(
    `pipeline: ${WEBHOOKS * IMAGES_PER_WEBHOOK} images in ${seconds.toFixed(1)} s = ${rate.toFixed(1)} images/s`,
  );
  const rawAfter = await rawRate();
  const raw = (rawBefore + rawAfter) / 2;
  console.log(
    `raw sharp thumbnail rate: ${raw.toFixed(1)} images/s (before ${rawBefore.toFixed(1)}, after ${rawAfter.toFixed(1)})`,
  );
  console.log(`ratio to raw sharp rate: ${((rate / raw) * 100).toFixed(0)} % (budget ≥ 70 %)`);
  console.log(`server RSS: idle ${mb(idleRss)}, peak ${mb(peak)} (budget < 400 MB)`);
} finally {
  await app.stop();
  media.close();
}
