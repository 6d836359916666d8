// The job worker on its own (PM2's `atelier-worker` app, or `npm run worker`): runs queued jobs
// against DATABASE_URL until SIGTERM, then finishes the jobs it holds. Servers next to it can
// set JOB_WORKER=external, or keep their own worker: pools share the queue, a job runs once.
import { loadDotEnv } from "./lib/dotenv";

loadDotEnv();
const { startProcessWorker } = await import("../lib/jobs/process-worker");
const worker = await startProcessWorker("worker");
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
