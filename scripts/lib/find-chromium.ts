// Which Chromium the end-to-end tests drive, and getting one on a machine that has none.
// Looked for in order: CHROMIUM_PATH, the system's (Debian's /usr/bin/chromium and the usual
// other places), then Playwright's own download. When none is there, `ensureChromium` installs
// one: as root on Debian the distribution's package (what CI and a fresh server have), else
// Playwright's installer. It says what it found or did, so a failing run explains itself.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { createRequire } from "node:module";

export type ChromiumSource = "CHROMIUM_PATH" | "system" | "playwright";
export type FoundChromium = { path: string; source: ChromiumSource };

export const SYSTEM_CHROMIUMS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

export type ChromiumProbe = {
  env: Record<string, string | undefined>;
  isExecutable: (path: string) => boolean;
  /** Where Playwright's own download lives (whether or not it is there). */
  playwrightPath: () => string | null;
};

export function findChromium(probe: ChromiumProbe = systemProbe()): FoundChromium | null {
  const configured = probe.env.CHROMIUM_PATH?.trim();
  if (configured && probe.isExecutable(configured)) return { path: configured, source: "CHROMIUM_PATH" };
  const system = SYSTEM_CHROMIUMS.find((path) => probe.isExecutable(path));
  if (system) return { path: system, source: "system" };
  const own = probe.playwrightPath();
  if (own && probe.isExecutable(own)) return { path: own, source: "playwright" };
  return null;
}

export type InstallPlan = { how: "apt" | "playwright"; commands: string[][] };

/** How to install one here: Debian's package as root on Debian, else Playwright's installer. */
export function installPlan(machine: { root: boolean; debian: boolean; apt: boolean }): InstallPlan {
  if (machine.root && machine.debian && machine.apt)
    return {
      how: "apt",
      commands: [
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "chromium"],
      ],
    };
  return { how: "playwright", commands: [["npx", "playwright", "install", "chromium"]] };
}

export type EnsureResult = { chromium: FoundChromium | null; report: string[] };

/** Finds a Chromium or installs one; `report` says what happened, line by line. */
export function ensureChromium(
  probe: ChromiumProbe = systemProbe(),
  run: (command: string[]) => boolean = runCommand,
  machine = thisMachine(),
): EnsureResult {
  const report: string[] = [];
  const configured = probe.env.CHROMIUM_PATH?.trim();
  if (configured && !probe.isExecutable(configured))
    report.push(`CHROMIUM_PATH=${configured} is not an executable file; looking elsewhere.`);
  const found = findChromium(probe);
  if (found) {
    report.push(`Using Chromium at ${found.path} (${sourceLabel(found.source)}).`);
    return { chromium: found, report };
  }
  const plan = installPlan(machine);
  report.push(
    plan.how === "apt"
      ? "No Chromium found: installing Debian's package (apt-get install -y chromium)."
      : "No Chromium found: installing Playwright's own (npx playwright install chromium).",
  );
  for (const command of plan.commands) {
    if (!run(command)) {
      report.push(`\`${command.join(" ")}\` failed. Install Chromium yourself and set CHROMIUM_PATH.`);
      return { chromium: null, report };
    }
  }
  const installed = findChromium(probe);
  report.push(
    installed
      ? `Installed; using Chromium at ${installed.path} (${sourceLabel(installed.source)}).`
      : "The install finished but no Chromium was found afterwards. Set CHROMIUM_PATH.",
  );
  return { chromium: installed, report };
}

function sourceLabel(source: ChromiumSource): string {
  if (source === "CHROMIUM_PATH") return "from CHROMIUM_PATH";
  return source === "system" ? "the system's" : "Playwright's own";
}

export function systemProbe(env: Record<string, string | undefined> = process.env): ChromiumProbe {
  return {
    env,
    isExecutable: (path) => {
      try {
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    playwrightPath: () => {
      try {
        // Resolved lazily: the path depends on the installed Playwright's browser revision.
        const require = createRequire(import.meta.url);
        const { chromium } = require("playwright-core") as typeof import("playwright-core");
        return chromium.executablePath();
      } catch {
        return null;
      }
    },
  };
}

function thisMachine(): { root: boolean; debian: boolean; apt: boolean } {
  return {
    root: process.getuid?.() === 0,
    debian: existsSync("/etc/debian_version"),
    apt: existsSync("/usr/bin/apt-get"),
  };
}

function runCommand([command, ...args]: string[]): boolean {
  if (!command) return false;
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}
