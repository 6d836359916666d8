// npm start — the production server (after `npm run build`), with the same local defaults as dev.
import { prepareLocalRuntime } from "./lib/local-runtime";
import { run, supervise } from "./lib/supervise";

const runtime = await prepareLocalRuntime();
const port = runtime.env.PORT || "3000";
runtime.env.APP_URL ||= `http://localhost:${port}`;
const next = run("next", ["start", "--port", port], runtime.env);
supervise([next], runtime.stop);
