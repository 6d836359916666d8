// npm run dev — everything on this machine: embedded Postgres (unless DATABASE_URL is set),
// migrations, then `next dev` on PORT (default 3000).
import { prepareLocalRuntime } from "./lib/local-runtime";
import { run, supervise } from "./lib/supervise";

const runtime = await prepareLocalRuntime();
const port = runtime.env.PORT || "3000";
runtime.env.APP_URL ||= `http://localhost:${port}`;
const next = run("next", ["dev", "--port", port], runtime.env);
supervise([next], runtime.stop);
