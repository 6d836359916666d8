// The route files under app/api and the methods each exports, as `/api/a/[id]` templates.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export type Route = { file: string; template: string; methods: string[] };

const API_DIR = path.resolve("app/api");
const METHOD_EXPORT = /^export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE)\b/gm;

export function discoverRoutes(dir = API_DIR): Route[] {
  const routes: Route[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) routes.push(...discoverRoutes(full));
    else if (entry === "route.ts") {
      const methods = [...readFileSync(full, "utf8").matchAll(METHOD_EXPORT)].map((m) => m[1] as string);
      const template = `/api/${path.relative(API_DIR, dir).split(path.sep).join("/")}`.replace(/\/$/, "");
      routes.push({ file: path.relative(process.cwd(), full), template, methods });
    }
  }
  return routes.sort((a, b) => a.template.localeCompare(b.template));
}
