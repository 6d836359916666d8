// Security headers as a browser receives them from the production build: a nonce-based CSP on
// pages (the nonce new on every response and on every script Next renders), a deny-all CSP on
// the API, a sandbox on stored files, and nosniff / no framing / referrer / permissions on all.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_CSP, FILE_CSP } from "@/lib/security/response-headers";
import { createLocalStorage } from "@/lib/storage/local";
import { startApp, TEST_SESSION_SECRET, type TestApp } from "../helpers/app";
import { Client, signIn } from "../helpers/http";

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ ADMIN_EMAILS: "admin@example.com" });
});
afterAll(() => app?.stop());

function directives(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

function nonceOf(csp: string | null): string | undefined {
  return directives(csp)
    .get("script-src")
    ?.map((source) => /^'nonce-(.+)'$/.exec(source)?.[1])
    .find(Boolean);
}

/** The nonce attribute of every <script> in the HTML ("" when one has none). */
function scriptNonces(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>/g)].map(
    (match) => /\snonce="([^"]*)"/.exec(match[1] ?? "")?.[1] ?? "",
  );
}

function expectBaseHeaders(headers: Headers) {
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("x-frame-options")).toBe("DENY");
  expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(headers.get("permissions-policy")).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  // Served over http: HSTS would be ignored, and must not pin a local origin to https.
  expect(headers.get("strict-transport-security")).toBeNull();
}

describe("pages", () => {
  it("carry a CSP whose fresh nonce is on every script of the page", async () => {
    const client = new Client(app.url);
    const first = await client.get<string>("/login");
    const second = await client.get<string>("/login");
    expect(first.status).toBe(200);
    expectBaseHeaders(first.headers);

    const csp = first.headers.get("content-security-policy");
    const nonce = nonceOf(csp);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonce);

    const nonces = scriptNonces(first.body);
    expect(nonces.length).toBeGreaterThan(3);
    expect(new Set(nonces)).toEqual(new Set([nonce]));
    expect(first.body).not.toContain(nonceOf(second.headers.get("content-security-policy")));
  });

  it("allow no inline or eval'd script and no framing in production", async () => {
    const res = await new Client(app.url).get("/");
    const csp = directives(res.headers.get("content-security-policy"));
    expect(csp.get("script-src")).toEqual(["'self'", expect.stringMatching(/^'nonce-/), "'strict-dynamic'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:", new URL(app.url).origin]);
  });

  it("keep the policy on a 404 and on the sign-in redirect", async () => {
    const client = new Client(app.url);
    const missing = await client.get<string>("/no-such-page");
    expect(missing.status).toBe(404);
    expectBaseHeaders(missing.headers);
    const nonce = nonceOf(missing.headers.get("content-security-policy"));
    expect(new Set(scriptNonces(missing.body))).toEqual(new Set([nonce]));

    const redirect = await client.get("/admin");
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("x-frame-options")).toBe("DENY");
    expect(directives(redirect.headers.get("content-security-policy")).get("frame-ancestors")).toEqual([
      "'none'",
    ]);
  });

  it("do not let anyone frame the admin console", async () => {
    const admin = await signIn(app.url, "admin@example.com");
    for (const path of ["/admin", "/admin/users"]) {
      const res = await admin.get<string>(path);
      expect(res.status, path).toBe(200);
      expect(res.body, path).toContain("Admin console");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(directives(res.headers.get("content-security-policy")).get("frame-ancestors")).toEqual([
        "'none'",
      ]);
    }
  });
});

describe("everything else", () => {
  it("gives API responses, found or not, a deny-all CSP", async () => {
    const client = new Client(app.url);
    for (const [path, status] of [
      ["/api/health", 200],
      ["/api/me", 401],
      ["/api/no-such-route", 404],
    ] as const) {
      const res = await client.get(path);
      expect(res.status, path).toBe(status);
      expectBaseHeaders(res.headers);
      expect(res.headers.get("content-security-policy"), path).toBe(API_CSP);
    }
  });

  it("sends static assets with nosniff and no framing", async () => {
    const page = await new Client(app.url).get<string>("/login");
    const asset = /<script\b[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(asset).toBeTruthy();
    const res = await fetch(new URL(asset ?? "", app.url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expectBaseHeaders(res.headers);
  });

  it("sandboxes stored files, so an uploaded file can never run as our page", async () => {
    const files = createLocalStorage({
      root: path.join(app.dataDir, "storage"),
      secret: TEST_SESSION_SECRET,
      baseUrl: app.url,
    });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';
    await files.putBuffer("u1/g1/drawing.svg", Buffer.from(svg), { contentType: "image/svg+xml" });
    const signed = await files.signedUrl("u1/g1/drawing.svg", 60);
    for (const [url, status] of [
      [signed, 200],
      [`${app.url}/api/files/u1/g1/drawing.svg`, 403],
    ] as const) {
      const res = await fetch(url);
      expect(res.status).toBe(status);
      expectBaseHeaders(res.headers);
      expect(res.headers.get("content-security-policy")).toBe(FILE_CSP);
    }
  });
});
