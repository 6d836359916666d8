// Security headers that do not change per request, for next.config.js `headers()`: every
// response (pages, API, static assets, files) gets them. Pages get their nonce-based CSP from
// middleware.ts instead (lib/security/page-csp.ts).
// Keep this file free of non-erasable TypeScript and path aliases: Node loads it directly
// from next.config.js.

/**
 * The service worker script's own policy, which the worker runs under: it fetches only this
 * origin (it never handles other origins' requests) and loads no other script.
 */
export const WORKER_CSP = "default-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

/** JSON has nothing to load or run: a response opened as a document can do nothing. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Stored media opened directly in a tab: the browser's own image/video viewer may show the file
 * (Firefox loads it under the document's policy) but nothing may run, and `sandbox` gives the
 * document an opaque origin, so even an uploaded HTML or SVG file can never act as our site.
 */
export const FILE_CSP =
  "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

/** Powerful features nothing here uses: denied to the app and to anything it embeds. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
].join(", ");

/** Two years, subdomains included: the value browsers' preload lists ask for. */
export const HSTS = "max-age=63072000; includeSubDomains";

export type HeaderRoute = { source: string; headers: { key: string; value: string }[] };

/**
 * HSTS only for a production build whose public URL is https: over plain http a browser ignores
 * it anyway, and a local `next start` on http must not pin localhost to https. Next bakes these
 * routes into the build, so APP_URL must be set when building (Vercel's project env, `.env` on a VPS).
 */
export function securityHeaderRoutes(settings: { nodeEnv?: string; appUrl?: string }): HeaderRoute[] {
  const https = settings.nodeEnv === "production" && /^https:\/\//i.test(settings.appUrl ?? "");
  const everywhere = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
    { key: "X-Frame-Options", value: "DENY" },
    ...(https ? [{ key: "Strict-Transport-Security", value: HSTS }] : []),
  ];
  // For one header the last matching route wins; a route handler's own value never replaces
  // one set here, which is why the files policy is set here too.
  return [
    { source: "/:path*", headers: everywhere },
    { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    { source: "/api/files/:path*", headers: [{ key: "Content-Security-Policy", value: FILE_CSP }] },
    // Browsers look for a new worker on every navigation anyway; no-cache keeps proxies honest.
    {
      source: "/serwist/:path*",
      headers: [
        { key: "Content-Security-Policy", value: WORKER_CSP },
        { key: "Cache-Control", value: "no-cache" },
      ],
    },
  ];
}
