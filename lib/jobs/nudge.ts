import "server-only";
// Called by routes that enqueued work. A long-lived worker hears the job's NOTIFY by itself;
// on a serverless host nothing is listening, so the function runs the queue after its
// response. Should that be cut short, the job is still in the table for the cron route.
// The runner is imported only then: a route that enqueues must not load the whole pipeline.
import { after } from "next/server";
import { env } from "@/lib/env";
import type { Logger } from "@/lib/log";

export function nudgeJobs(log: Logger): void {
  if (env.JOB_WORKER !== "on-request") return;
  after(async () => {
    const { drainJobs } = await import("@/lib/jobs/runner");
    await drainJobs("request").catch((error: unknown) => log.error("draining jobs failed", { error }));
  });
}
