// The reconciler loop on its own (PM2's second app): calls /api/cron/reconcile every
// RECONCILE_INTERVAL_SECONDS, as Vercel Cron does on Vercel.
import { loadDotEnv } from "./lib/dotenv";
import { startReconcileLoop } from "./lib/reconcile-loop";

loadDotEnv();
const secret = process.env.CRON_SECRET;
if (!secret) {
  console.error("CRON_SECRET is not set; the reconciler endpoint refuses calls without it.");
  process.exit(1);
}
const appUrl = process.env.RECONCILE_APP_URL || `http://127.0.0.1:${process.env.PORT || 3000}`;
const stop = startReconcileLoop({
  appUrl,
  secret,
  intervalSeconds: Number(process.env.RECONCILE_INTERVAL_SECONDS || 30),
  log: (line) => console.log(`[reconciler] ${line}`),
});
process.on("SIGTERM", () => {
  stop();
  process.exit(0);
});
