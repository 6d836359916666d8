// Runs once as each server instance starts (`next start`, `next dev`, a serverless cold start),
// however it was launched: the one startup hook that `npm start`, PM2 and a bare `next start`
// all share.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { sweepStaleTempFiles } = await import("@/lib/storage");
  const { log } = await import("@/lib/log");
  // In the background: a large storage tree must not hold up the first request.
  void sweepStaleTempFiles().then(
    (removed) => removed > 0 && log.info("removed stale temp files", { removed }),
    (error: unknown) => log.error("temp file sweep failed", { error }),
  );
}
