import "server-only";
// Called by routes that enqueued work. A long-lived worker hears the job's NOTIFY by itself;
// on a serverless host nothing is listening, so the function runs the queue after its
// response. Should that be cut short, the job is still in the table for the cron route.
import { after } from "next/server";
import { env } from "@/lib/env";
import { drainJobs } from "@/lib/jobs/runner";
import type { Logger } from "@/lib/log";

export function nudgeJobs(log: Logger): void {
  if (env.JOB_WORKER !== "on-request") return;
  after(() => drainJobs("request").catch((error: unknown) => log.error("draining jobs failed", { error })));
}
