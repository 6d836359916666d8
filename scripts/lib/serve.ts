// What `npm run dev` and `npm start` have in common: the local runtime, Next on PORT, and the
// reconciler loop, all stopped together on Ctrl-C.
import { prepareLocalRuntime } from "./local-runtime";
import { startReconcileLoop } from "./reconcile-loop";
import { withServerMemorySettings } from "./server-memory";
import { run, supervise } from "./supervise";

/**
 * `next dev|start` on PORT, listening on this machine only unless HOST says otherwise: the
 * development server serves source maps and unauthenticated dev tools, and a production server
 * normally sits behind a proxy on the same host (one on another host sets HOST=0.0.0.0).
 */
export function nextArgs(command: "dev" | "start", env: Record<string, string | undefined>): string[] {
  return [command, "--port", env.PORT || "3000", "--hostname", env.HOST || "127.0.0.1"];
}

export async function serve(command: "dev" | "start"): Promise<void> {
  const runtime = await prepareLocalRuntime();
  const port = runtime.env.PORT || "3000";
  runtime.env.APP_URL ||= `http://localhost:${port}`;
  const env = command === "start" ? withServerMemorySettings(runtime.env) : runtime.env;
  const next = run("next", nextArgs(command, env), env);
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
