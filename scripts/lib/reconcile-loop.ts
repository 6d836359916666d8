// Calls the reconciler on an interval, as Vercel Cron does in production: the dev server and
// the PM2 deployment both run it, so jobs whose webhook never came still finish.
export function startReconcileLoop(options: {
  appUrl: string;
  secret: string;
  intervalSeconds: number;
  log: (line: string) => void;
}) {
  const tick = async () => {
    try {
      const res = await fetch(`${options.appUrl}/api/cron/reconcile`, {
        method: "POST",
        headers: { authorization: `Bearer ${options.secret}` },
        signal: AbortSignal.timeout(120_000),
      });
      if (!res.ok) options.log(`reconcile answered ${res.status}`);
    } catch {
      // The app may still be starting; the next tick tries again.
    }
  };
  const timer = setInterval(tick, options.intervalSeconds * 1000);
  return () => clearInterval(timer);
}
