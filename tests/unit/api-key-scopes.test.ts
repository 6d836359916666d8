// The scope each route asks of an API key (its `scope` option) is the one the OpenAPI document
// tells clients, and no route outside the documented API takes keys at all.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { operations } from "@/lib/contracts/operations";
import { discoverRoutes } from "../helpers/api-routes";

const HANDLER = /^export const (GET|POST|PUT|PATCH|DELETE) = withApiLogging\(\s*\{([^}]*)\}/gm;

const declared = discoverRoutes().flatMap((route) =>
  [...readFileSync(route.file, "utf8").matchAll(HANDLER)].map((m) => ({
    key: `${(m[1] as string).toLowerCase()} ${route.template.replace(/\[([^\].]+)\]/g, "{$1}")}`,
    scope: /scope: "([^"]+)"/.exec(m[2] as string)?.[1] ?? null,
  })),
);

describe("API key scopes", () => {
  it("finds the route handlers", () => {
    expect(declared.length).toBeGreaterThan(40);
  });

  it.each(declared)("$key asks for the scope its contract documents", ({ key, scope }) => {
    const op = operations.find((o) => `${o.method} ${o.path}` === key);
    expect(op?.scope ?? null, key).toBe(scope);
  });

  it("keeps keys off account, key and webhook management and the admin console", () => {
    const scoped = declared.filter((d) => d.scope).map((d) => d.key);
    expect(scoped.filter((key) => /\/api\/(keys|webhook-endpoints|admin|auth|profile)\b/.test(key))).toEqual(
      [],
    );
    expect(scoped).toContain("post /api/generations/create");
    expect(scoped).toContain("get /api/generations/{id}");
  });
});
