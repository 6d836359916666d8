// npm start — the production server (after `npm run build`) with the same local defaults as
// dev, plus the reconciler loop.
import { loadDotEnv } from "./lib/dotenv";
import { serve } from "./lib/serve";

// The server would refuse to boot (instrumentation.ts); say so before starting a database.
loadDotEnv();
const { mode } = await import("../lib/env");
const { exitUnlessMailDeliverable } = await import("../lib/mail/delivery-requirement");
exitUnlessMailDeliverable(mode);

await serve("start");
