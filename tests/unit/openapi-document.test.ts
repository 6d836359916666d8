import { describe, expect, it } from "vitest";
import { operations } from "@/lib/contracts/operations";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { discoverRoutes } from "../helpers/api-routes";

// Routes that are not part of the public API: the admin console, sign-in plumbing, provider
// webhooks, the cron entry, development tools, signed file URLs and the tus protocol endpoint
// (whose wire format is tus's own), and the JSON 404 for unknown paths.
const INTERNAL = [
  /^\/api\/admin\//,
  /^\/api\/auth\//,
  /^\/api\/cron\//,
  /^\/api\/dev\//,
  /^\/api\/webhook\//,
  /^\/api\/files\//,
  /^\/api\/uploads\/tus/,
  /^\/api\/\[\.\.\.path\]$/,
  /^\/api\/openapi\.json$/,
];

const asOpenApiPath = (template: string) => template.replace(/\[([^\].]+)\]/g, "{$1}");
const document = buildOpenApiDocument();

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with the error shape as a component", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components?.schemas?.Error).toMatchObject({
      type: "object",
      required: ["error"],
    });
  });

  const publicRoutes = discoverRoutes()
    .filter((route) => !INTERNAL.some((pattern) => pattern.test(route.template)))
    .flatMap((route) => route.methods.map((method) => ({ method, path: asOpenApiPath(route.template) })));

  it.each(publicRoutes)("documents $method $path", ({ method, path }) => {
    const item = document.paths?.[path] as Record<string, unknown> | undefined;
    expect(
      item?.[method.toLowerCase()],
      `${method} ${path} is missing from lib/contracts/operations.ts`,
    ).toBeDefined();
  });

  it("documents no operation that no route answers", () => {
    const served = new Set(publicRoutes.map((r) => `${r.method.toLowerCase()} ${r.path}`));
    const stale = operations.map((op) => `${op.method} ${op.path}`).filter((key) => !served.has(key));
    expect(stale).toEqual([]);
  });

  it("gives every operation of a signed-in route its 401 and every error the error shape", () => {
    for (const op of operations) {
      const item = document.paths?.[op.path] as
        | Record<string, { responses: Record<string, unknown> } | undefined>
        | undefined;
      const responses = item?.[op.method]?.responses;
      if (op.auth === "user") expect(responses?.["401"], `${op.method} ${op.path}`).toBeDefined();
      for (const status of op.errors)
        expect(JSON.stringify(responses?.[String(status)]), `${op.method} ${op.path} ${status}`).toContain(
          "#/components/schemas/Error",
        );
    }
  });
});
