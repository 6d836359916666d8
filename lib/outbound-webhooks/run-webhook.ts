import "server-only";
// The one-off webhook of a run started with `webhook_url`: the run's end, signed with a secret
// made for that run alone (returned once, in the 202 answer), so a caller needs no endpoint and
// a leaked run secret opens nothing else. Same signing, URL rules (checked when the run starts
// and again, after DNS, at every attempt) and backoff as the endpoints' deliveries.
import type { TransactionSql } from "postgres";
import { open, seal } from "@/lib/crypto/secret-box";
import { sql } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { runWebhookJobKey } from "@/lib/jobs/definitions";
import { type Db, enqueueJob } from "@/lib/jobs/enqueue";
import type { Logger } from "@/lib/log";
import { retryDelayMs } from "@/lib/outbound-webhooks/backoff";
import { sendWebhook } from "@/lib/outbound-webhooks/send";
import { newEndpointSecret, signedHeaders } from "@/lib/outbound-webhooks/signing";
import { assertEndpointUrl } from "@/lib/outbound-webhooks/url-check";
import { endpointUrlRules } from "@/lib/outbound-webhooks/url-policy";

const context = (runId: string) => `flow_run_webhooks:${runId}`;

export type RunWebhook = { url: string; secret: string };

/** Checks the URL as an endpoint's would be; a refusal names `webhook_url`. */
export async function prepareRunWebhook(url: string): Promise<RunWebhook> {
  if (!env.ENCRYPTION_SECRET)
    throw new AppError(
      "unavailable",
      "Webhooks are not available on this server: ENCRYPTION_SECRET is not set. Ask its operator.",
    );
  try {
    await assertEndpointUrl(url);
  } catch (error) {
    if (isAppError(error) && error.field === "url")
      throw new AppError("unprocessable", error.message.replace(/^url\b/, "webhook_url"), {
        field: "webhook_url",
      });
    throw error;
  }
  return { url, secret: newEndpointSecret() };
}

/** Stored with the run, in the transaction that starts it. */
export async function recordRunWebhook(
  tx: TransactionSql,
  run: { id: string; user_id: string },
  hook: RunWebhook,
): Promise<void> {
  await tx`
    insert into flow_run_webhooks (run_id, user_id, url, secret_ciphertext)
    values (${run.id}, ${run.user_id}, ${hook.url}, ${seal(hook.secret, env.ENCRYPTION_SECRET, context(run.id))})`;
}

/** At the run's end, in the transaction that ends it: the event to send, or nothing (canceled). */
export async function queueRunWebhook(
  tx: Db,
  runId: string,
  event: { type: string; data: Record<string, unknown> } | null,
): Promise<void> {
  const [row] = await tx<{ run_id: string }[]>`
    update flow_run_webhooks set
      status = ${event ? "pending" : "skipped"}, event_type = ${event?.type ?? null},
      data = ${event ? tx.json(event.data as never) : null}, event_at = now()
    where run_id = ${runId} and status = 'waiting'
    returning run_id`;
  if (row && event) await enqueueJob(tx, "flow_run.webhook", { runId }, { jobKey: runWebhookJobKey(runId) });
}

type Row = {
  run_id: string;
  message_id: string;
  url: string;
  secret_ciphertext: string;
  status: string;
  event_type: string;
  data: Record<string, unknown>;
  event_at: Date;
};

/** One attempt (the `flow_run.webhook` job); a failure schedules the next on the backoff. */
export async function deliverRunWebhook(runId: string, log: Logger): Promise<void> {
  const [row] = await sql<Row[]>`select * from flow_run_webhooks where run_id = ${runId}`;
  if (row?.status !== "pending") return;
  const body = JSON.stringify({
    type: row.event_type,
    timestamp: row.event_at.toISOString(),
    data: row.data,
  });
  const secret = open(row.secret_ciphertext, env.ENCRYPTION_SECRET, context(runId));
  const result = await sendWebhook(
    row.url,
    signedHeaders(secret, row.message_id, new Date(), body),
    body,
    endpointUrlRules(),
  );
  await sql.begin(async (tx) => {
    const [counted] = await tx<{ attempts: number }[]>`
      update flow_run_webhooks set attempts = attempts + 1, last_attempt_at = ${result.startedAt},
        last_status_code = ${result.statusCode}, last_error = ${result.error}
      where run_id = ${runId} returning attempts`;
    const attempt = counted?.attempts ?? 1;
    const delay = result.ok ? null : retryDelayMs(attempt);
    const status = result.ok ? "succeeded" : delay === null ? "failed" : "pending";
    await tx`update flow_run_webhooks set status = ${status} where run_id = ${runId}`;
    if (delay !== null)
      await enqueueJob(
        tx,
        "flow_run.webhook",
        { runId },
        { jobKey: runWebhookJobKey(runId), runAt: new Date(Date.now() + delay) },
      );
    log[result.ok ? "info" : "warn"]("run webhook attempt", {
      runId,
      attempt,
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      error: result.error,
      status,
    });
  });
}
