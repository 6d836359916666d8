// Runs once as each server instance starts (`next start`, `next dev`, a serverless cold start),
// however it was launched, and never during `next build`: the one startup hook that
// `npm start`, PM2 and a bare `next start` all share.
export async function register(): Promise<void> {
  // The Node server only: nothing here applies to the edge runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("./lib/auth/peer-address");
  installPeerAddressHeader();
  const { mode } = await import("./lib/env");
  if (process.env.NODE_ENV === "production") {
    const { exitUnlessMailDeliverable } = await import("./lib/mail/delivery-requirement");
    exitUnlessMailDeliverable(mode);
  }
  if (mode.auth === "local") {
    const { sql } = await import("./lib/db/client");
    const { exitIfLocalAuthCannotUseDatabase } = await import("./lib/auth/local/database-requirement");
    await exitIfLocalAuthCannotUseDatabase(mode, sql);
  }
  const { sweepStaleTempFiles } = await import("./lib/storage");
  const { log } = await import("./lib/log");
  // In the background too: the operator hears about a starting grant too small for video.
  const { logStartingGrantWarning } = await import("./lib/settings/starting-grant-check");
  void logStartingGrantWarning();
  // The job worker runs in the server process unless another process runs it (PM2's worker
  // app, JOB_WORKER=external) or requests drain the queue (JOB_WORKER=on-request, serverless).
  // So `next start` alone, as the tests and PM2 start it, runs jobs.
  const { env } = await import("./lib/env");
  if (env.JOB_WORKER === "in-process") {
    const { startProcessWorker } = await import("./lib/jobs/process-worker");
    void startProcessWorker("server").catch(() => {});
  }
  // In the background: a large storage tree must not hold up the first request.
  void sweepStaleTempFiles().then(
    (removed) => removed > 0 && log.info("removed stale temp files", { removed }),
    (error: unknown) => log.error("temp file sweep failed", { error }),
  );
}
