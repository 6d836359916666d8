// npm start — the production server (after `npm run build`) with the same local defaults as
// dev, plus the reconciler loop.
import { serve } from "./lib/serve";

await serve("start");
