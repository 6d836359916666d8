import { safeEqual } from "@/lib/auth/crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { reconcile } from "@/lib/generations/reconcile";
import { type ApiContext, withApiLogging } from "@/lib/with-api-logging";

// Vercel Cron calls GET with `Authorization: Bearer $CRON_SECRET`; the dev and PM2 loops POST.
// Where no worker process runs (JOB_WORKER=on-request, Vercel), this also drains the queue.
async function run({ req, log }: ApiContext<"none">) {
  if (!env.CRON_SECRET) throw new AppError("unavailable", "CRON_SECRET is not configured.");
  const header = req.headers.get("authorization") ?? "";
  if (!safeEqual(header, `Bearer ${env.CRON_SECRET}`))
    throw new AppError("unauthorized", "Invalid cron secret.");
  const report = await reconcile(log);
  if (env.JOB_WORKER === "on-request") {
    // No worker runs the daily schedule here: keep the next purge queued instead.
    await (await import("@/lib/gallery/schedule-purge")).scheduleTrashPurge();
    await (await import("@/lib/jobs/runner")).drainJobs("cron");
  }
  return Response.json(report);
}

export const GET = withApiLogging({ auth: "none" }, run);
export const POST = withApiLogging({ auth: "none" }, run);

export * from "@/lib/api/method-fallbacks";
