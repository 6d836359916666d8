import "server-only";
// What each job does. Payloads are parsed with the job's zod schema before anything runs: a
// malformed payload fails the job (it is retried, then dead-lettered with the zod message).
import type { JobHelpers, TaskList } from "graphile-worker";
import { sql } from "@/lib/db/client";
import { advanceRun } from "@/lib/flows/advance-run";
import { purgeTrash } from "@/lib/gallery/purge-trash";
import { backfillVideoStills } from "@/lib/generations/backfill-video-stills";
import { runEndedHooks } from "@/lib/generations/ended-hooks";
import { runSubmitJob } from "@/lib/generations/submit-generation";
import { scheduleWatch, watchProgress } from "@/lib/generations/watch-progress";
import { processWebhookEvent } from "@/lib/generations/webhook-events";
import { JOB_NAMES, JOBS, type JobName, type JobPayload } from "@/lib/jobs/definitions";
import { type Logger, log as rootLog } from "@/lib/log";
import { deliverWebhook } from "@/lib/outbound-webhooks/deliver";
import { deliverRunWebhook } from "@/lib/outbound-webhooks/run-webhook";

export type JobContext = {
  log: Logger;
  /** 1 on the first run. */
  attempt: number;
  /** True when a throw now dead-letters the job instead of retrying it. */
  finalAttempt: boolean;
};

type Handlers = { [N in JobName]: (payload: JobPayload<N>, ctx: JobContext) => Promise<void> };

const handlers: Handlers = {
  "generation.submit": ({ generationId }, ctx) => runSubmitJob(generationId, ctx),
  "generation.watch": async ({ generationId }, ctx) => {
    const next = await watchProgress(generationId, ctx.log);
    if (next !== null) await scheduleWatch(sql, generationId, next);
  },
  "webhook.process": ({ eventId }, ctx) => processWebhookEvent(eventId, ctx.log),
  "generation.ended": ({ generationId }, ctx) => runEndedHooks(generationId, ctx.log),
  "flow.advance": ({ runId }, ctx) => advanceRun(runId, ctx.log),
  "outbound_webhook.deliver": ({ deliveryId, manual }, ctx) => deliverWebhook(deliveryId, manual, ctx.log),
  "flow_run.webhook": ({ runId }, ctx) => deliverRunWebhook(runId, ctx.log),
  "generation.video-stills": ({ generationId }, ctx) => backfillVideoStills(generationId, ctx.log),
  "trash.purge": async (_payload, ctx) => {
    await purgeTrash(ctx.log);
  },
};

function task<N extends JobName>(name: N) {
  return async (raw: unknown, helpers: JobHelpers) => {
    const payload = JOBS[name].payload.parse(raw) as JobPayload<N>;
    const { job } = helpers;
    const ctx: JobContext = {
      log: rootLog.child({ job: name, jobId: job.id, attempt: job.attempts }),
      attempt: job.attempts,
      finalAttempt: job.attempts >= job.max_attempts,
    };
    await handlers[name](payload, ctx);
  };
}

export const taskList: TaskList = Object.fromEntries(JOB_NAMES.map((name) => [name, task(name)]));
