// Runs in the browser before any of the app's own modules. Zod compiles object schemas with
// `new Function` where a page allows it, and finds out by trying once; under the app's
// Content-Security-Policy (no 'unsafe-eval', lib/security/page-csp.ts) that try is a reported
// violation on every page whose code builds a schema. The browser only parses small bodies, so
// zod's interpreted path costs nothing noticeable there. The server keeps the compiled path.
import { config } from "zod/v4/core";

config({ jitless: true });
