import "server-only";
// The job worker of this process, started once (instrumentation.ts in a Next server,
// scripts/worker.ts on its own) and kept on globalThis so a dev reload does not start a second.
import { type JobWorker, startJobWorker } from "@/lib/jobs/runner";
import { log } from "@/lib/log";

const globalForJobs = globalThis as unknown as { atelierJobWorker?: Promise<JobWorker> };

export function startProcessWorker(label: string): Promise<JobWorker> {
  globalForJobs.atelierJobWorker ??= startJobWorker(label).catch((error: unknown) => {
    log.error("job worker failed to start", { error });
    globalForJobs.atelierJobWorker = undefined;
    throw error;
  });
  return globalForJobs.atelierJobWorker;
}
