// A process that uses the embedded Postgres keeps the exit code it set: the package's own
// shutdown hook ends the process with `process.exit(0)`, which once made failed test runs exit 0.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function exitCodeOf(script: string): number | null {
  return spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--eval", script], {
    cwd: root,
    stdio: "ignore",
    timeout: 30_000,
  }).status;
}

describe("a process that imports the embedded Postgres", () => {
  it("exits with the failure code it set", () => {
    expect(exitCodeOf(`import "./scripts/lib/embedded-postgres.ts"; process.exitCode = 3;`)).toBe(3);
  });

  it("exits 0 when nothing failed", () => {
    expect(exitCodeOf(`import "./scripts/lib/embedded-postgres.ts";`)).toBe(0);
  });
});
