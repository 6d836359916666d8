// What `npm run dev` and `npm start` have in common: the local runtime, Next on PORT, and the
// reconciler loop, all stopped together on Ctrl-C.
import { prepareLocalRuntime } from "./local-runtime";
import { startReconcileLoop } from "./reconcile-loop";
import { run, supervise } from "./supervise";

export async function serve(command: "dev" | "start"): Promise<void> {
  const runtime = await prepareLocalRuntime();
  const port = runtime.env.PORT || "3000";
  // The development server serves source maps and unauthenticated dev tools: this machine only.
  // A production server behind a proxy on another host sets HOST=0.0.0.0.
  const host = runtime.env.HOST || "127.0.0.1";
  runtime.env.APP_URL ||= `http://localhost:${port}`;
  const next = run("next", [command, "--port", port, "--hostname", host], runtime.env);
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
}
