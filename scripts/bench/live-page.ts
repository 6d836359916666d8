// The browser half of the live thumbnail benchmark: one headless Chromium tab on /history that
// reports, for each generation, when its `completed` event arrived on the page's event stream,
// when the tile's <img> was put in the page and when that image had loaded. Times are wall
// clock (performance.timeOrigin + performance.now()), comparable with the server's and the
// database's clocks on the same machine; the page also reports how far its clock is from
// Date.now(), so a skew would show.
import { type Browser, chromium, type Page } from "@playwright/test";

export type ThumbTimes = {
  id: string;
  /** The page's event stream delivered the generation's `completed` event. */
  event: number | null;
  /** A list response (resource timing, responseEnd) that ended after the event. */
  listEnd: number | null;
  /** The tile's <img> appeared. */
  inserted: number;
  /** Its load event: the thumbnail is on screen. */
  loaded: number;
  /** The image request, from resource timing: started and finished. */
  imageStart: number | null;
  imageEnd: number | null;
};

// Runs in the page before its own scripts. Plain text, so tsx's helpers never reach the page.
const INSTRUMENT = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const events = new Map();
  const lists = [];
  const seen = new Set();
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args);
      // Registered before the app's own listener, so it times the arrival, not the handling.
      this.addEventListener("generation", (message) => {
        try {
          const data = JSON.parse(message.data);
          if (data.status === "completed" && !events.has(data.id)) events.set(data.id, now());
        } catch {}
      });
    }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name.includes("/api/generations/list")) lists.push(performance.timeOrigin + entry.responseEnd);
  }).observe({ type: "resource", buffered: true });
  const resource = (url) => {
    const entry = performance.getEntriesByName(url, "resource").at(-1);
    return entry ? [performance.timeOrigin + entry.startTime, performance.timeOrigin + entry.responseEnd] : [null, null];
  };
  const track = (img) => {
    const tile = img.closest('a[data-testid="generation-tile"]');
    const id = tile && tile.getAttribute("href").replace("/result/", "");
    if (!id || seen.has(id)) return;
    seen.add(id);
    const inserted = now();
    const done = () => {
      const loaded = now();
      const event = events.get(id) ?? null;
      const listEnd = event === null ? null : (lists.find((t) => t >= event) ?? null);
      const [imageStart, imageEnd] = resource(img.currentSrc);
      window.__thumbLoaded({ id, event, listEnd, inserted, loaded, imageStart, imageEnd });
    };
    if (img.complete && img.naturalWidth > 0) done();
    else img.addEventListener("load", done, { once: true });
  };
  const scan = (root) => {
    if (root.nodeType !== 1) return;
    if (root.tagName === "IMG") track(root);
    for (const img of root.querySelectorAll("img")) track(img);
  };
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) scan(node);
  }).observe(document, { childList: true, subtree: true });
  window.__clockSkew = () => Date.now() - now();
})()`;

export type HistoryPage = {
  page: Page;
  /** Resolves when the generation's thumbnail has loaded in the page, or null after `timeoutMs`. */
  loaded(id: string, timeoutMs: number): Promise<ThumbTimes | null>;
  /** Page clock minus Date.now() in the page, in ms. */
  clockSkew(): Promise<number>;
  close(): Promise<void>;
};

export async function openHistory(url: string, token: string): Promise<HistoryPage> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
  });
  const seen = new Map<string, ThumbTimes>();
  const waiters = new Map<string, (times: ThumbTimes) => void>();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: "atelier_session", value: token, url }]);
  await context.exposeFunction("__thumbLoaded", (times: ThumbTimes) => {
    seen.set(times.id, times);
    waiters.get(times.id)?.(times);
  });
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  await page.goto(`${url}/history`);
  await page.getByText("No generations yet").waitFor();
  return {
    page,
    loaded: (id, timeoutMs) => {
      const known = seen.get(id);
      if (known) return Promise.resolve(known);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), timeoutMs);
        waiters.set(id, (times) => {
          clearTimeout(timer);
          waiters.delete(id);
          resolve(times);
        });
      });
    },
    clockSkew: () => page.evaluate<number>("window.__clockSkew()"),
    close: () => browser.close(),
  };
}
