// The Replicate prediction object (docs/protocols.md §1.2): the API response and the webhook body.
import type { JobStatus } from "./jobs";
import type { Prediction } from "./replicate";

const STATUS: Record<JobStatus, string> = {
  queued: "starting",
  running: "processing",
  succeeded: "succeeded",
  failed: "failed",
  canceled: "canceled",
};

const seconds = (from: string | undefined, to: string | undefined) =>
  from && to ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000) : undefined;

export function replicatePrediction(p: Prediction, getUrl: string): Record<string, unknown> {
  const { job } = p;
  const metrics: Record<string, number> = {};
  const predictTime = seconds(job.startedAt, job.completedAt);
  const totalTime = seconds(job.createdAt, job.completedAt);
  if (predictTime !== undefined) metrics.predict_time = predictTime;
  if (totalTime !== undefined) metrics.total_time = totalTime;
  if (job.status === "succeeded" && Array.isArray(job.output)) metrics.image_count = job.output.length;
  return {
    id: job.id,
    model: p.model,
    version: p.version,
    input: p.input,
    logs: job.logs.join("\n"),
    output: job.output ?? null,
    data_removed: false,
    error: job.error ?? null,
    source: "api",
    status: STATUS[job.status],
    created_at: job.createdAt,
    ...(job.startedAt ? { started_at: job.startedAt } : {}),
    ...(job.completedAt ? { completed_at: job.completedAt } : {}),
    ...(p.deployment ? { deployment: p.deployment } : {}),
    ...(p.webhook ? { webhook: p.webhook, webhook_events_filter: p.events } : {}),
    urls: { get: getUrl, cancel: `${getUrl}/cancel` },
    ...(Object.keys(metrics).length > 0 ? { metrics } : {}),
  };
}
