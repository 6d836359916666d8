// npm run dev — everything on this machine: embedded Postgres (unless DATABASE_URL is set),
// migrations, the provider emulator (for providers without a key), `next dev` on PORT
// (default 3000) and the reconciler loop.
import { serve } from "./lib/serve";

await serve("dev");
