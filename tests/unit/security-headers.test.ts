import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import { buildPageCsp, createNonce, type PageCspOptions, pageCspOptions } from "@/lib/security/page-csp";
import {
  API_CSP,
  FILE_CSP,
  type HeaderRoute,
  HSTS,
  securityHeaderRoutes,
  WORKER_CSP,
} from "@/lib/security/response-headers";

const NONCE = "c2VjdXJpdHktdGVzdC1ub25jZQ==";
const BASE: PageCspOptions = {
  nonce: NONCE,
  development: false,
  upgradeInsecureRequests: false,
  telegramWidget: false,
};

/** directive name -> its sources, as a browser splits the header. */
function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe("page CSP", () => {
  it("allows scripts only by this response's nonce in production", () => {
    const csp = directives(buildPageCsp(BASE));
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("frame-src")).toEqual(["'none'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    // The service worker and the manifest come from this origin; 'strict-dynamic' alone would refuse the worker.
    expect(csp.get("worker-src")).toEqual(["'self'"]);
    expect(csp.get("manifest-src")).toEqual(["'self'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("is the nonce Next stamps on its scripts", () => {
    const nonce = createNonce();
    expect(getScriptNonceFromHeader(buildPageCsp({ ...BASE, nonce }))).toBe(nonce);
  });

  it("makes a fresh 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("adds 'unsafe-eval' for next dev only", () => {
    expect(directives(buildPageCsp({ ...BASE, development: true })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
    expect(buildPageCsp(BASE)).not.toMatch(/unsafe-eval/);
  });

  it("lets media load from the app's own origin and Supabase, and talk to Supabase", () => {
    const csp = directives(
      buildPageCsp({
        ...BASE,
        appUrl: "https://atelier.example/",
        supabaseUrl: "https://abc.supabase.co/some/path",
      }),
    );
    const media = ["'self'", "data:", "blob:", "https://atelier.example", "https://abc.supabase.co"];
    expect(csp.get("img-src")).toEqual(media);
    expect(csp.get("media-src")).toEqual(media);
    expect(csp.get("connect-src")).toEqual(["'self'", "https://abc.supabase.co", "wss://abc.supabase.co"]);
  });

  it("admits the Telegram widget only when a bot is configured, and never eval for it", () => {
    const csp = directives(buildPageCsp({ ...BASE, telegramWidget: true }));
    expect(csp.get("script-src")).toEqual([
      "'self'",
      `'nonce-${NONCE}'`,
      "'strict-dynamic'",
      "https://telegram.org",
    ]);
    expect(csp.get("frame-src")).toEqual(["https://oauth.telegram.org"]);
    expect(buildPageCsp(BASE)).not.toMatch(/telegram|unsafe-eval/);
  });

  it.each([
    ["production over https", "production", "https://atelier.example", true],
    ["production over http", "production", "http://127.0.0.1:3000", false],
    ["development over https", "development", "https://atelier.example", false],
    ["production without APP_URL", "production", undefined, false],
  ] as const)("upgrades insecure requests: %s -> %s", (_, NODE_ENV, APP_URL, expected) => {
    const options = pageCspOptions(
      { NODE_ENV, APP_URL, NEXT_PUBLIC_SUPABASE_URL: undefined, TELEGRAM_BOT_USERNAME: undefined },
      NONCE,
    );
    expect(directives(buildPageCsp(options)).has("upgrade-insecure-requests")).toBe(expected);
  });

  it("reads the deployment from the environment", () => {
    const options = pageCspOptions(
      {
        NODE_ENV: "development",
        APP_URL: undefined,
        NEXT_PUBLIC_SUPABASE_URL: "https://abc.supabase.co",
        TELEGRAM_BOT_USERNAME: "atelier_bot",
      },
      NONCE,
    );
    expect(options).toMatchObject({
      development: true,
      supabaseUrl: "https://abc.supabase.co",
      telegramWidget: true,
    });
  });
});

/** The headers a path ends up with: matching routes apply in order, the last one wins per header. */
function headersFor(routes: HeaderRoute[], path: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const route of routes) {
    const prefix = route.source.replace(/\/?:path\*$/, "");
    if (path === prefix || path.startsWith(`${prefix}/`))
      for (const { key, value } of route.headers) result[key] = value;
  }
  return result;
}

describe("response headers", () => {
  const production = securityHeaderRoutes({ nodeEnv: "production", appUrl: "https://atelier.example" });

  it.each(["/", "/admin", "/_next/static/chunks/main.js", "/api/health", "/api/files/a/b.png"])(
    "puts nosniff, framing, referrer and permissions headers on %s",
    (path) => {
      expect(headersFor(production, path)).toMatchObject({
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": expect.stringMatching(/camera=\(\).*geolocation=\(\).*microphone=\(\)/),
        "Strict-Transport-Security": HSTS,
      });
    },
  );

  it("gives the API a deny-all CSP and stored files a sandbox", () => {
    expect(headersFor(production, "/api/generations/list")["Content-Security-Policy"]).toBe(API_CSP);
    expect(headersFor(production, "/api/files/u/1.png")["Content-Security-Policy"]).toBe(FILE_CSP);
    expect(FILE_CSP).toMatch(/^default-src 'none';.*\bsandbox$/);
    // Pages get theirs from middleware, with a nonce.
    expect(headersFor(production, "/create")["Content-Security-Policy"]).toBeUndefined();
  });

  it("gives the service worker a policy of its own: this origin only, and never a stale copy", () => {
    const headers = headersFor(production, "/serwist/sw.js");
    expect(headers["Content-Security-Policy"]).toBe(WORKER_CSP);
    expect(WORKER_CSP).toMatch(/connect-src 'self'/);
    expect(headers["Cache-Control"]).toBe("no-cache");
  });

  it.each([
    ["production over http", "production", "http://127.0.0.1:3000"],
    ["development over https", "development", "https://atelier.example"],
    ["production without APP_URL", "production", undefined],
  ])("sends no HSTS in %s", (_, nodeEnv, appUrl) => {
    const routes = securityHeaderRoutes({ nodeEnv, appUrl });
    expect(headersFor(routes, "/")).not.toHaveProperty("Strict-Transport-Security");
    expect(headersFor(routes, "/")).toHaveProperty("X-Frame-Options", "DENY");
  });
});
