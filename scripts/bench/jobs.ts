// npm run bench:jobs — the job queue on its own: 2,000 cheap jobs (`generation.ended` for a
// generation that no longer exists: one lookup, no hook) run by one, then two worker processes
// (scripts/worker.ts) on a fresh embedded Postgres. Reports enqueue-to-start latency (from the
// database's own clock: when add_job ran and when a worker locked the job) while jobs arrive at
// a steady pace, and throughput when all 2,000 arrive at once.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import postgres, { type Sql } from "postgres";
import { startScratchPostgres } from "../lib/scratch-postgres";

const JOBS = Number(process.env.BENCH_JOBS || 2000);
const PACE_PER_SECOND = Number(process.env.BENCH_PACE || 100);

const pg = await startScratchPostgres("bench_jobs");
const sql = postgres(pg.url(), { max: 8, onnotice: () => {} });
// Finished jobs leave the queue: keep when each was enqueued and started as it goes.
await sql.unsafe(`
  create table bench_job_runs (id bigint, enqueued_at timestamptz, started_at timestamptz, finished_at timestamptz);
  create function bench_record_run() returns trigger language plpgsql as $$
  begin
    insert into bench_job_runs values (old.id, old.created_at, old.locked_at, clock_timestamp());
    return old;
  end $$;
  create trigger bench_record_run before delete on graphile_worker._private_jobs
    for each row execute function bench_record_run();`);

function startWorker(): Promise<ChildProcess> {
  const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: pg.url(), DATABASE_EMBEDDED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("job worker started")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

// postgres.js sends a query when it is awaited or then'd: `.then` sends it now.
const enqueue = (db: Sql): Promise<unknown> =>
  db`select graphile_worker.add_job('generation.ended',
       json_build_object('generationId', ${randomUUID()}::uuid, 'status', 'failed'), max_attempts => 5)`.then(
    (rows) => rows,
  );

async function drained(): Promise<void> {
  for (;;) {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from graphile_worker.jobs`;
    if (row?.n === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function phase(name: string, enqueueAll: () => Promise<void>) {
  await sql`truncate bench_job_runs`;
  await enqueueAll();
  await drained();
  const [stats] = await sql<{ p50: number; p95: number; seconds: number; n: number }[]>`
    select percentile_cont(0.5) within group (order by extract(epoch from started_at - enqueued_at)) * 1000 as p50,
           percentile_cont(0.95) within group (order by extract(epoch from started_at - enqueued_at)) * 1000 as p95,
           extract(epoch from max(finished_at) - min(enqueued_at)) as seconds, count(*)::int as n
    from bench_job_runs`;
  if (!stats) throw new Error("no runs recorded");
  console.log(
    `  ${name}: ${stats.n} jobs, enqueue→start p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms, ` +
      `${(stats.n / stats.seconds).toFixed(0)} jobs/s overall`,
  );
}

const workers: ChildProcess[] = [];
try {
  for (const count of [1, 2]) {
    while (workers.length < count) workers.push(await startWorker());
    console.log(
      `${count} worker process${count > 1 ? "es" : ""} (JOB_CONCURRENCY ${process.env.JOB_CONCURRENCY || 8} each):`,
    );
    await phase(`paced at ${PACE_PER_SECOND}/s`, async () => {
      const started = performance.now();
      const pending: Promise<unknown>[] = [];
      for (let i = 0; i < JOBS; i++) {
        const due = started + (i * 1000) / PACE_PER_SECOND;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        pending.push(enqueue(sql));
      }
      await Promise.all(pending);
    });
    await phase("all at once", async () => {
      await Promise.all(Array.from({ length: JOBS }, () => enqueue(sql)));
    });
  }
} finally {
  for (const worker of workers) worker.kill("SIGTERM");
  await Promise.all(
    workers.map((w) => new Promise((r) => (w.exitCode === null ? w.once("exit", r) : r(null)))),
  );
  await sql.end();
  await pg.stop();
}
