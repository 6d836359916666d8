// Every job the app runs: its name, the zod schema of its payload and how often it is tried.
// Names are what graphile_worker.add_job() stores (SQL triggers use them too), so renaming one
// needs a migration for jobs already queued. No server-only import: the admin pages read the
// names, and the payload schemas have no secrets.
import { z } from "zod";

const uuid = z.uuid();

export const JOBS = {
  /** Sends a queued generation to its provider (and runs a synchronous provider's call). */
  "generation.submit": {
    payload: z.object({ generationId: uuid }),
    maxAttempts: 5,
  },
  /**
   * Asks a provider that reports only when asked (fal) how a submitted job is doing, records
   * it, and schedules itself again a second later until the job has ended.
   */
  "generation.watch": {
    payload: z.object({ generationId: uuid }),
    maxAttempts: 3,
  },
  /** Applies one recorded, verified webhook delivery: state change, outputs into storage. */
  "webhook.process": {
    payload: z.object({ eventId: uuid }),
    maxAttempts: 8,
  },
  /**
   * Runs the hooks of a generation that reached a terminal state: the owner's notification
   * (the refund is the status trigger's, in the ending statement itself). Enqueued by the
   * generations_enqueue_ended trigger, in the transaction that ends the row.
   */
  "generation.ended": {
    payload: z.object({
      generationId: uuid,
      status: z.enum(["completed", "failed", "canceled"]),
    }),
    maxAttempts: 5,
  },
  /**
   * Moves a flow run on: starts the nodes whose inputs are ready, fails those whose inputs
   * failed, ends the run when every node has. Enqueued when a run starts; the end of each of
   * its generations moves it on through the `generation.ended` hooks.
   */
  "flow.advance": {
    payload: z.object({ runId: uuid }),
    maxAttempts: 10,
  },
  /**
   * One attempt to deliver an outbound webhook (lib/outbound-webhooks/deliver.ts). A failed
   * attempt schedules the next one itself, on its own backoff; the queue's own retries only
   * cover a crash or a database error mid-way. `manual`: a person's "redeliver".
   */
  "outbound_webhook.deliver": {
    payload: z.object({ deliveryId: uuid, manual: z.boolean() }),
    maxAttempts: 3,
  },
  /**
   * One attempt to send a run's one-off webhook (`webhook_url` of an API run) once the run has
   * ended (lib/outbound-webhooks/run-webhook.ts); a failed attempt schedules the next itself.
   */
  "flow_run.webhook": {
    payload: z.object({ runId: uuid }),
    maxAttempts: 3,
  },
  /**
   * Gives the video outputs of one completed generation the poster, last frame, size and length
   * they were stored without (enqueued by the migration that brought video stills).
   */
  "generation.video-stills": {
    payload: z.object({ generationId: uuid }),
    maxAttempts: 3,
  },
  /**
   * Removes for good what has been in the trash past the retention setting, files included.
   * Scheduled daily (JOB_CRON); a cron run's payload carries graphile-worker's `_cron` record.
   */
  "trash.purge": {
    payload: z.object({}).loose(),
    maxAttempts: 3,
  },
} as const;

/** Jobs run on a schedule: graphile-worker's cron, as long-lived workers run it (lib/jobs/runner.ts). */
export const JOB_CRON = [
  {
    task: "trash.purge",
    // Daily at 03:17 UTC; a worker that was down at that time runs it when it starts, within a day.
    match: "17 3 * * *",
    identifier: "trash.purge",
    options: { backfillPeriod: 24 * 60 * 60 * 1000, maxAttempts: 3 },
  },
] as const satisfies readonly { task: JobName; match: string; identifier: string; options: object }[];

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]["payload"]>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/**
 * What the console calls a job's state (lib/admin/jobs/list-jobs.ts). Completed jobs leave the
 * queue; `dead` ones used every attempt and wait for an admin's retry.
 */
export const JOB_STATES = ["queued", "scheduled", "running", "retrying", "dead"] as const;
export type JobState = (typeof JOB_STATES)[number];

/** The job key a generation's submit job carries: one per generation, findable by the reconciler. */
export const submitJobKey = (generationId: string) => `generation.submit:${generationId}`;

/** One pending advance per run: a burst of reasons to move a run on is one job. */
export const flowAdvanceJobKey = (runId: string) => `flow.advance:${runId}`;
/** The job key of a delivery's next automatic attempt: one scheduled attempt per delivery. */
export const deliveryJobKey = (deliveryId: string) => `outbound_webhook.deliver:${deliveryId}`;
/** The job key of a run webhook's next attempt: one scheduled attempt per run. */
export const runWebhookJobKey = (runId: string) => `flow_run.webhook:${runId}`;
/** A redelivery's job key: clicking "redeliver" twice before it runs sends once. */
export const redeliveryJobKey = (deliveryId: string) => `outbound_webhook.redeliver:${deliveryId}`;
/** The job key of a generation's next status poll: one at a time per generation. */
export const watchJobKey = (generationId: string) => `generation.watch:${generationId}`;
