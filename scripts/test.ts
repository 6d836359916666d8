// npm test — every check, in the order that fails fastest: lint, typecheck, unit tests,
// production build, API + SQL tests (real Postgres, real HTTP), then end-to-end in Chromium.
// Ends with the names of the tests that failed, then one summary line "N passed, N failed"
// across all test runners, so the tail of a CI log says what to look at.
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
const failures: string[] = [];
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
    testResults: {
      name: string;
      status: string;
      message?: string;
      assertionResults: { fullName: string; status: string }[];
    }[];
  };
  for (const file of report.testResults) {
    const where = path.relative(process.cwd(), file.name);
    const failed = file.assertionResults.filter((test) => test.status === "failed");
    for (const test of failed) failures.push(`${where} › ${test.fullName}`);
    // A file that failed with no failed test failed outside one (an import, a hook).
    if (file.status === "failed" && failed.length === 0)
      failures.push(`${where} › ${(file.message ?? "failed outside a test").split("\n")[0]}`);
  }
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  total.skipped += report.numPendingTests + report.numTodoTests;
}

type PlaywrightSuite = {
  specs?: { title: string; file: string; line: number; tests: { projectName: string; status: string }[] }[];
  suites?: PlaywrightSuite[];
};

function addPlaywright(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    suites: PlaywrightSuite[];
  };
  const visit = (suite: PlaywrightSuite): void => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        if (test.status === "unexpected")
          failures.push(`${spec.file}:${spec.line} › [${test.projectName}] ${spec.title}`);
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites) visit(suite);
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
for (const failure of failures) console.log(`✗ ${failure}`);
if (failedStep) console.log(`✗ stopped at: ${failedStep}`);
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
);
process.exit(failedStep || total.failed > 0 ? 1 : 0);
