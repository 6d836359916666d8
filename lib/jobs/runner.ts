import "server-only";
// Runs jobs: a long-lived pool in a server or worker process (LISTEN/NOTIFY wakes it the moment
// a job commits; it polls as a fallback), or one pass over the queue for serverless hosts.
// Both record a heartbeat so another process can take their jobs back if they die.
import { EventEmitter } from "node:events";
import {
  parseCronItems,
  type RunnerOptions,
  run,
  runOnce,
  type WorkerEvents,
  Logger as WorkerLogger,
} from "graphile-worker";
import pg from "pg";
import { databaseUrl, env, mode } from "@/lib/env";
import { JOB_CRON } from "@/lib/jobs/definitions";
import { forgetPool, HEARTBEAT_MS, recordHeartbeat, recoverAbandonedJobs } from "@/lib/jobs/pools";
import { isRetryLater } from "@/lib/jobs/retry-later";
import { taskList } from "@/lib/jobs/tasks";
import { log } from "@/lib/log";

export type JobWorker = { stop: () => Promise<void> };

// The library's own lines go through our structured log; its debug chatter does not. A job that
// asked to be tried later (RetryLater) is an expected wait, logged as such, not as an error.
const workerLogger = new WorkerLogger((scope) => (level, message, meta) => {
  if (level === "debug") return;
  const fields = { ...scope, ...(meta ?? {}) };
  if (isRetryLater((meta as { error?: unknown } | undefined)?.error)) log.info(`jobs: ${message}`, fields);
  else if (level === "error") log.error(`jobs: ${message}`, fields);
  else if (level === "warning") log.warn(`jobs: ${message}`, fields);
});

function options(concurrency: number, events: WorkerEvents): RunnerOptions {
  // Jobs hold a connection only to be fetched and finished (their own queries use postgres.js);
  // the library asks for at least one per concurrent job, plus its LISTEN connection.
  const pgPool = new pg.Pool({ connectionString: databaseUrl(), max: concurrency + 2 });
  // An idle client whose connection drops must not take the process down; the pool replaces it.
  pgPool.on("error", (error) => log.warn("job queue connection lost", { error }));
  pgPool.on("connect", (client) =>
    client.on("error", (error) => log.warn("job queue client error", { error })),
  );
  return {
    pgPool,
    concurrency,
    // Supabase's transaction pooler has no prepared statements (as lib/db/client.ts).
    noPreparedStatements: mode.database !== "embedded",
    noHandleSignals: true,
    // LISTEN delivers new jobs at once; polling only catches retries coming due.
    pollInterval: 1_000,
    logger: workerLogger,
    events,
    taskList,
    // Scheduled jobs; runOnce (serverless) ignores them, and the cron route schedules them there.
    parsedCronItems: parseCronItems(JOB_CRON.map((item) => ({ ...item, options: { ...item.options } }))),
    schema: "graphile_worker",
  };
}

/** Beats for every pool created on `events` until it is released. */
function attachHeartbeat(events: WorkerEvents, label: string): () => void {
  const timers = new Map<string, NodeJS.Timeout>();
  const beat = (id: string) =>
    recordHeartbeat(id, label).catch((error) => log.warn("job pool heartbeat failed", { error }));
  events.on("pool:create", ({ workerPool }) => {
    void beat(workerPool.id);
    timers.set(
      workerPool.id,
      setInterval(() => {
        void beat(workerPool.id);
        void recoverAbandonedJobs().then(
          (n) => n > 0 && log.warn("took back jobs of dead worker pools", { pools: n }),
          (error) => log.warn("recovering abandoned jobs failed", { error }),
        );
      }, HEARTBEAT_MS).unref(),
    );
  });
  events.on("pool:release", ({ workerPool }) => {
    clearInterval(timers.get(workerPool.id));
    timers.delete(workerPool.id);
    void forgetPool(workerPool.id).catch(() => {});
  });
  return () => {
    for (const timer of timers.values()) clearInterval(timer);
    timers.clear();
  };
}

/** A long-lived pool running up to `concurrency` jobs at once. */
export async function startJobWorker(label: string, concurrency = env.JOB_CONCURRENCY): Promise<JobWorker> {
  const events: WorkerEvents = new EventEmitter();
  const stopBeats = attachHeartbeat(events, label);
  const opts = options(concurrency, events);
  // A crash of a previous incarnation left jobs locked; waiting for the next beat is fine too.
  await recoverAbandonedJobs().catch(() => 0);
  const runner = await run(opts);
  log.info("job worker started", { label, concurrency });
  return {
    stop: async () => {
      await runner.stop();
      stopBeats();
      await opts.pgPool?.end();
    },
  };
}

/** Runs every job that is due now, then returns: serverless hosts call it after a response and from cron. */
export async function drainJobs(label: string, concurrency = env.JOB_CONCURRENCY): Promise<void> {
  const events: WorkerEvents = new EventEmitter();
  const stopBeats = attachHeartbeat(events, label);
  const opts = options(concurrency, events);
  try {
    await runOnce(opts);
  } finally {
    stopBeats();
    await opts.pgPool?.end();
  }
}
