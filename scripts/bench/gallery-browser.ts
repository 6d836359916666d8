// The gallery in headless Chromium: scrolls the page through `target` items at a steady speed
// and reports the frame rate (from requestAnimationFrame) and the most tiles mounted at once.
import { chromium, type Page } from "@playwright/test";
import { withTimeout } from "../../lib/with-timeout";

export type ScrollResult = {
  items: number;
  seconds: number;
  fps: number;
  p95FrameMs: number;
  maxTiles: number;
};

// Runs in the page. Plain text, so the bundler's helpers (e.g. esbuild's __name) never reach it.
const SCROLL = `async (goal) => {
  const frames = [];
  let maxTiles = 0;
  let last = performance.now();
  const started = last;
  const grid = document.querySelector('[data-testid="gallery-grid"]');
  const firstRow = grid.querySelector("li");
  const perRow = firstRow.children.length;
  const rowHeight = firstRow.getBoundingClientRect().height + parseFloat(getComputedStyle(firstRow).rowGap || "0");
  // Items above the viewport's bottom edge: rows are squares of equal height.
  const passed = () => Math.floor((window.innerHeight - grid.getBoundingClientRect().top) / rowHeight) * perRow;
  await new Promise((resolve) => {
    const step = (now) => {
      frames.push(now - last);
      last = now;
      maxTiles = Math.max(maxTiles, document.querySelectorAll('[data-testid="generation-tile"]').length);
      window.scrollProgress = { frames: frames.length, items: passed() };
      if (passed() >= goal || now - started > 240000) return resolve();
      // About 4,000 px a second, a fast flick held down; at the end it waits for the next page.
      window.scrollBy(0, 70);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  const seconds = (performance.now() - started) / 1000;
  const sorted = frames.slice(1).sort((a, b) => a - b);
  return { items: passed(), seconds, fps: sorted.length / seconds, p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] || 0, maxTiles };
}`;

// Past the page's own 240 s limit, a scroll that has not answered has stalled: say so rather than hang.
const SCROLL_DEADLINE_MS = 300_000;
const CLOSE_DEADLINE_MS = 10_000;

export async function scrollGallery(url: string, token: string, target: number): Promise<ScrollResult> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    // Background networking starts services minutes in (component updates, on-device models)
    // that have left a run waiting on a browser that no longer drew or closed.
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ name: "atelier_session", value: token, url }]);
    const page = await context.newPage();
    await page.goto(`${url}/history`);
    await page.getByTestId("generation-tile").first().waitFor();
    const scrolled = page.evaluate(`(${SCROLL})(${Number(target)})`) as Promise<ScrollResult>;
    return await withTimeout(scrolled, SCROLL_DEADLINE_MS, "the gallery scroll").catch(async (error) => {
      throw new Error(`${(error as Error).message}; ${await stallReport(page)}`);
    });
  } finally {
    await withTimeout(browser.close(), CLOSE_DEADLINE_MS, "closing Chromium").catch((error: Error) =>
      console.warn(error.message),
    );
  }
}

/**
 * Where a scroll that stopped answering stands: whether the page's script still runs (then the
 * browser stopped drawing frames, which drive the scroll) and how far it got.
 */
async function stallReport(page: Page): Promise<string> {
  const progress = await withTimeout(
    page.evaluate("JSON.stringify(window.scrollProgress)") as Promise<string>,
    5_000,
    "asking the page",
  ).catch(() => null);
  return progress === null
    ? "the page no longer answers"
    : `the page still answers but draws no frames; it got to ${progress}`;
}
