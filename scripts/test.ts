// npm test — every check, in the order that fails fastest: lint, typecheck, unit tests,
// production build, API + SQL tests (real Postgres, real HTTP), then end-to-end in Chromium.
// Ends with one summary line "N passed, N failed" across all test runners.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium } from "./lib/find-chromium";

type Counts = { passed: number; failed: number; skipped: number };
const reports = path.resolve(".tmp/test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
let failedStep: string | null = null;

function step(name: string, command: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  if (failedStep) return false;
  console.log(`\n━━ ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) failedStep = name;
  return result.status === 0;
}

function addVitest(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  total.skipped += report.numPendingTests + report.numTodoTests;
}

function addPlaywright(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  total.passed += report.stats.expected + report.stats.flaky;
  total.failed += report.stats.unexpected;
  total.skipped += report.stats.skipped;
}

const vitest = (project: string[], out: string) => [
  "run",
  ...project.flatMap((p) => ["--project", p]),
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${path.join(reports, out)}`,
];

step("lint", "biome", ["check", "."]);
step("typecheck", "tsc", ["--noEmit", "-p", "."]);
step("unit tests", "vitest", vitest(["unit"], "unit.json"));
addVitest(path.join(reports, "unit.json"));
step("build", "next", ["build"]);
step("API and SQL tests", "vitest", vitest(["api", "sql"], "api.json"));
addVitest(path.join(reports, "api.json"));
// A machine without Chromium gets one here (the system's package or Playwright's), and the
// run says which browser it used, instead of failing inside the first test.
const browser = failedStep ? null : findBrowser();
step("end-to-end tests", "playwright", ["test"], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, "e2e.json"),
  ...(browser ? { CHROMIUM_PATH: browser } : {}),
});
addPlaywright(path.join(reports, "e2e.json"));

function findBrowser(): string | null {
  console.log("\n━━ browser for the end-to-end tests");
  const { chromium, report } = ensureChromium();
  for (const line of report) console.log(line);
  if (!chromium) failedStep = "finding a browser for the end-to-end tests";
  return chromium?.path ?? null;
}

console.log("");
if (failedStep) console.log(`✗ stopped at: ${failedStep}`);
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
);
process.exit(failedStep || total.failed > 0 ? 1 : 0);
