// npm run dev — everything on this machine: embedded Postgres (unless DATABASE_URL is set),
// migrations, the provider emulator (for providers without a key), `next dev` on PORT
// (default 3000) and the reconciler loop.
import { prepareLocalRuntime } from "./lib/local-runtime";
import { startReconcileLoop } from "./lib/reconcile-loop";
import { run, supervise } from "./lib/supervise";

const runtime = await prepareLocalRuntime();
const port = runtime.env.PORT || "3000";
runtime.env.APP_URL ||= `http://localhost:${port}`;
const next = run("next", ["dev", "--port", port], runtime.env);
const stopLoop = startReconcileLoop({
  appUrl: `http://127.0.0.1:${port}`,
  secret: runtime.env.CRON_SECRET as string,
  intervalSeconds: Number(runtime.env.RECONCILE_INTERVAL_SECONDS || 30),
  log: (line) => console.log(`[atelier] ${line}`),
});
supervise([next], async () => {
  stopLoop();
  await runtime.stop();
});
