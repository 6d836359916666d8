// How the end-to-end step gets a browser on any machine: what it finds, in which order, and
// what it installs (and says) when there is none.
import { describe, expect, it } from "vitest";
import {
  type ChromiumProbe,
  ensureChromium,
  findChromium,
  installPlan,
} from "../../scripts/lib/find-chromium";

const OWN = "/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome";

function probe(
  present: string[],
  env: Record<string, string> = {},
): ChromiumProbe & { present: Set<string> } {
  const set = new Set(present);
  return { present: set, env, isExecutable: (path) => set.has(path), playwrightPath: () => OWN };
}

describe("findChromium", () => {
  it("prefers CHROMIUM_PATH, then the system's, then Playwright's own", () => {
    const all = ["/opt/chrome", "/usr/bin/chromium", OWN];
    expect(findChromium(probe(all, { CHROMIUM_PATH: "/opt/chrome" }))).toEqual({
      path: "/opt/chrome",
      source: "CHROMIUM_PATH",
    });
    expect(findChromium(probe(all))).toEqual({ path: "/usr/bin/chromium", source: "system" });
    expect(findChromium(probe(["/usr/bin/chromium-browser", OWN]))?.path).toBe("/usr/bin/chromium-browser");
    expect(findChromium(probe([OWN]))).toEqual({ path: OWN, source: "playwright" });
    expect(findChromium(probe([]))).toBeNull();
  });

  it("looks past a CHROMIUM_PATH that names nothing, and says so", () => {
    const result = ensureChromium(probe(["/usr/bin/chromium"], { CHROMIUM_PATH: "/nope" }), () => false);
    expect(result.chromium?.path).toBe("/usr/bin/chromium");
    expect(result.report.join("\n")).toMatch(/CHROMIUM_PATH=\/nope is not an executable/);
  });
});

describe("ensureChromium on a machine without one", () => {
  it("installs Debian's package as root on Debian, then uses it", () => {
    const machine = probe([]);
    const ran: string[] = [];
    const result = ensureChromium(
      machine,
      (command) => {
        ran.push(command.join(" "));
        if (command.includes("install")) machine.present.add("/usr/bin/chromium");
        return true;
      },
      { root: true, debian: true, apt: true },
    );
    expect(ran).toEqual(["apt-get update", "apt-get install -y chromium"]);
    expect(result.chromium).toEqual({ path: "/usr/bin/chromium", source: "system" });
    expect(result.report.join("\n")).toMatch(
      /installing Debian's package[\s\S]*Installed; using Chromium at \/usr\/bin\/chromium/,
    );
  });

  it("uses Playwright's installer anywhere else", () => {
    expect(installPlan({ root: false, debian: true, apt: true }).commands).toEqual([
      ["npx", "playwright", "install", "chromium"],
    ]);
    expect(installPlan({ root: true, debian: false, apt: false }).how).toBe("playwright");
  });

  it("fails with a readable line when the install fails", () => {
    const result = ensureChromium(probe([]), () => false, { root: false, debian: false, apt: false });
    expect(result.chromium).toBeNull();
    expect(result.report.at(-1)).toMatch(
      /`npx playwright install chromium` failed\. Install Chromium yourself and set CHROMIUM_PATH/,
    );
  });
});
