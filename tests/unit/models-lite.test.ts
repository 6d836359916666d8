import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MODELS } from "@/lib/models-config";
import { LITE_MODELS, toLiteModel } from "@/lib/models-lite";

const ROOT = path.resolve(import.meta.dirname, "../..");

function findFunctions(value: unknown, at = "$"): string[] {
  if (typeof value === "function") return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => findFunctions(v, `${at}[${i}]`));
  if (value && typeof value === "object") {
    if (Object.getPrototypeOf(value) !== Object.prototype) return [`${at} (not a plain object)`];
    return Object.entries(value).flatMap(([k, v]) => findFunctions(v, `${at}.${k}`));
  }
  return [];
}

/** Relative and @/ imports of a module, followed transitively. */
function importGraph(entry: string, seen = new Set<string>()): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    const specifiers = [...source.matchAll(/^\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']/gm)].map(
      (m) => m[1]!,
    );
    const bare = [...source.matchAll(/^\s*import\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
    graph.set(path.relative(ROOT, file), [...specifiers, ...bare]);
    for (const spec of [...specifiers, ...bare]) {
      if (spec.startsWith(".")) visit(`${path.resolve(path.dirname(file), spec)}.ts`);
      else if (spec.startsWith("@/")) visit(`${path.join(ROOT, spec.slice(2))}.ts`);
    }
  };
  visit(entry);
  return graph;
}

describe("lite catalog", () => {
  it("lists every enabled model", () => {
    expect(LITE_MODELS.map((m) => m.id)).toEqual(MODELS.filter((m) => m.enabled).map((m) => m.id));
  });

  it("is JSON-serialisable and has no functions", () => {
    expect(findFunctions(LITE_MODELS)).toEqual([]);
    expect(JSON.parse(JSON.stringify(LITE_MODELS))).toEqual(LITE_MODELS);
  });

  it.each(MODELS.map((m) => [m.id, m] as const))("%s: carries the expected fields", (_, model) => {
    const lite = toLiteModel(model);
    expect(lite).toMatchObject({
      id: model.id,
      provider: model.provider,
      kind: model.kind,
      name: model.name,
      tools: [...model.tools],
      ports: model.ports,
    });
    expect(lite).not.toHaveProperty("providerRef");
    expect(lite).not.toHaveProperty("inputSchema");
    for (const p of lite.params) {
      expect(p).toEqual(expect.objectContaining({ name: expect.any(String), type: expect.any(String) }));
      expect(p).toEqual(
        expect.objectContaining({ label: expect.any(String), required: expect.any(Boolean) }),
      );
      expect(["textarea", "text", "number", "slider", "select", "toggle", "image", "images"]).toContain(
        p.control,
      );
      if (p.control === "select") expect(p.options?.length).toBeGreaterThan(0);
      if (p.control === "slider") expect(p.min !== undefined && p.max !== undefined).toBe(true);
      if (p.default !== undefined && p.options) expect(p.options.map((o) => o.value)).toContain(p.default);
    }
  });

  it("does not share mutable state with the server catalog", () => {
    const lite = toLiteModel(MODELS[0]!);
    lite.params[0]!.label = "changed";
    expect(MODELS[0]!.params[0]!.label).not.toBe("changed");
  });

  it("imports nothing server-only", () => {
    const graph = importGraph(path.join(ROOT, "lib/models-lite.ts"));
    const allImports = [...graph.values()].flat();
    expect(allImports).not.toContain("server-only");
    for (const spec of allImports)
      expect(spec).not.toMatch(/^(node:|@\/lib\/(db|env|auth|providers|supabase))/);
    for (const spec of allImports.filter((s) => !s.startsWith(".") && !s.startsWith("@/")))
      expect(spec).toBe("zod");
  });
});
