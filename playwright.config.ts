import { defineConfig } from "@playwright/test";
import { findChromium } from "./scripts/lib/find-chromium";

// CHROMIUM_PATH, else the system's Chromium, else Playwright's own (scripts/lib/find-chromium.ts;
// `npm test` installs one first when there is none).
const executablePath = process.env.CHROMIUM_PATH || findChromium()?.path;
const port = Number(process.env.E2E_PORT || 3977);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "off",
    screenshot: "only-on-failure",
    // The app's service worker stays out of the way of routed and counted requests;
    // tests/e2e/installable.spec.ts lets it in.
    serviceWorkers: "block",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
    },
  },
  projects: [
    { name: "desktop", use: { browserName: "chromium", viewport: { width: 1280, height: 800 } } },
    {
      name: "phone",
      // Desktop gestures (dragging a selection on a canvas) have no phone counterpart to test.
      testIgnore: "**/*.desktop.spec.ts",
      use: { browserName: "chromium", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
  ],
});
