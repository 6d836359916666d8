import { mkdirSync } from "node:fs";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { loggedAt } from "./support/server-log";
import { signInThroughPage } from "./support/sign-in";

// A running job as its owner sees it, on a laptop and a phone: "Queued", then "Running" with
// the time since the provider started it and a progress bar, then "Done". Measured against the
// server's own log (when it recorded the start and the completion), in three tabs of one person:
// the create page and the result page on the live channel, and a history page that has none
// (its event stream refused), on the polling fallback.

test.use({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.71" } });

/** Most either tab may trail the server by: Running and Done within 2 s of the server's record. */
const MAX_LAG_MS = 2_000;

type Seen = Partial<Record<"tile" | "queued" | "processing" | "elapsed" | "progress" | "completed", number>>;

/**
 * Records, in the page, when the job's status first showed each state (MutationObserver: the
 * moment the DOM changed, not when a test poll noticed). The job is found by its prompt in a
 * list, or is the page's own on its result page.
 */
async function recordStatusTimes(page: Page, prompt: string): Promise<void> {
  await page.evaluate((prompt) => {
    const w = window as unknown as { statusTimes: Record<string, number> };
    w.statusTimes = {};
    const scope = (): Element | null => {
      if (location.pathname.startsWith("/result/")) return document.querySelector("h1");
      const link = [...document.querySelectorAll("a[aria-label]")].find((a) =>
        (a.getAttribute("aria-label") ?? "").endsWith(prompt),
      );
      return link?.closest("li") ?? null;
    };
    const note = (key: string) => {
      w.statusTimes[key] ??= Date.now();
    };
    const check = () => {
      const root = scope();
      if (!root) return;
      note("tile");
      const status = root.querySelector("[data-testid=status-chip]")?.getAttribute("data-status");
      if (status) note(status);
      if (root.querySelector("[data-testid=elapsed]")) note("elapsed");
      if (root.querySelector("[role=progressbar]")) note("progress");
    };
    new MutationObserver(check).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    check();
  }, prompt);
}

const statusTimes = (page: Page) =>
  page.evaluate(() => (window as unknown as { statusTimes: Seen }).statusTimes);

/** A page whose event stream is refused, as on a host without live updates: it polls. */
async function withoutLiveChannel(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.route("**/api/events", (route) =>
    route.fulfill({
      status: 404,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "live_unavailable", message: "No live updates here." } }),
    }),
  );
  return page;
}

test("a [slow] job shows Running with its elapsed time, then Done, within 2 s of the server in every tab", async ({
  page,
  context,
}, info) => {
  test.setTimeout(90_000);
  const prompt = `a pier in fog, live status ${info.project.name} ${Date.now()} [slow]`;
  await signInThroughPage(page, `e2e-status-${info.project.name}-${Date.now()}@example.com`, "/create");
  const polling = await withoutLiveChannel(context);
  const listed = polling.waitForResponse((res) => res.url().includes("/api/generations/list"));
  await polling.goto("/history");
  await listed;
  await recordStatusTimes(polling, prompt);
  const listPolls: { at: number; conditional: boolean }[] = [];
  polling.on("request", (req) => {
    if (req.url().includes("/api/generations/list"))
      listPolls.push({ at: Date.now(), conditional: req.headers()["if-none-match"] !== undefined });
  });

  await page.getByLabel("Model").selectOption({ label: "FLUX.1 [schnell]" });
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  await recordStatusTimes(page, prompt);
  const creating = page.waitForResponse((res) => new URL(res.url()).pathname === "/api/generations/create");
  await page.getByRole("button", { name: "Generate" }).click();
  const created = await creating;
  const createdAt = Date.now();
  const { id } = (await created.json()) as { id: string };

  // The result page, once its live channel is open (as a page open for a while is). It opens
  // after the job exists, which on a busy machine may be after the start: its Done is timed,
  // its Running only checked (the list tabs time it).
  const result = await context.newPage();
  const stream = result.waitForResponse((res) => new URL(res.url()).pathname === "/api/events");
  await result.goto(`/result/${id}`);
  expect((await stream).status()).toBe(200);
  await recordStatusTimes(result, prompt);

  // The tab without a live channel hears of the new job from its sibling tab at once.
  await expect(polling.getByRole("link", { name: prompt })).toBeVisible({ timeout: MAX_LAG_MS });

  // Running: the chip, the clock counting from the provider's start, and the bar.
  const tile = page.locator("#recent-jobs li").filter({ has: page.locator(`a[href="/result/${id}"]`) });
  await expect(tile.getByTestId("status-chip")).toHaveText(/^Running\s*\d+:\d\d$/, { timeout: 15_000 });
  const bar = tile.getByRole("progressbar");
  await expect(bar).toHaveAttribute("aria-valuenow", /^\d+$/);
  const elapsed = tile.getByTestId("elapsed");
  const first = await elapsed.textContent();
  await expect(elapsed).not.toHaveText(first ?? "", { timeout: 2_500 });
  await expect(result.getByRole("heading", { level: 1 }).getByTestId("status-chip")).toHaveText(/^Running/);
  await expect(result.getByRole("progressbar")).toHaveAttribute("aria-valuenow", /^\d+$/);

  // Screenshots of the running tile and the result page, for people to look at.
  const dir = info.outputPath("screens");
  mkdirSync(dir, { recursive: true });
  await tile.screenshot({ path: `${dir}/running-tile-${info.project.name}.png` });
  await page.screenshot({ path: `${dir}/running-create-${info.project.name}.png` });
  await result.screenshot({ path: `${dir}/running-result-${info.project.name}.png` });

  await expect(tile.getByTestId("status-chip")).toHaveText("Done", { timeout: 20_000 });
  for (const tab of [polling, result])
    await expect(tab.locator("[data-testid=status-chip][data-status=completed]").first()).toBeVisible();
  await expect.poll(() => loggedAt("generation completed", id)).not.toBeNull();

  const started = loggedAt("generation started", id) as number;
  const completed = loggedAt("generation completed", id) as number;
  expect(started).toBeGreaterThan(0);
  // From the provider's own start (its logs webhook's started_at) to the server's record of it.
  const detail = (await (await page.request.get(`/api/generations/${id}`)).json()) as { started_at: string };
  info.annotations.push({
    type: "server",
    description: `start recorded ${started - Date.parse(detail.started_at)} ms after the provider's`,
  });
  const tabs = { live: page, result, polling } as const;
  const seenIn = Object.fromEntries(
    await Promise.all(
      Object.entries(tabs).map(async ([name, tab]) => [name, await statusTimes(tab)] as const),
    ),
  );
  const never = Number.POSITIVE_INFINITY;
  // Running counts once it shows with its clock; both come with the same data.
  const lags = Object.entries(seenIn).map(([name, seen]) => ({
    name,
    seen,
    running: Math.max(seen.processing ?? never, seen.elapsed ?? never) - started,
    done: (seen.completed ?? never) - completed,
  }));
  for (const { name, running, done } of lags)
    info.annotations.push({ type: `${name} lag`, description: `running ${running} ms, done ${done} ms` });
  for (const { name, seen, running, done } of lags) {
    expect(done, `${name}: Done after the server's completion`).toBeLessThan(MAX_LAG_MS);
    if (name === "result") continue;
    expect(running, `${name}: Running with its clock after the server's start`).toBeLessThan(MAX_LAG_MS);
    expect(seen.queued, `${name}: Queued first`).toBeLessThan(seen.processing ?? 0);
  }
  const appeared = (await statusTimes(polling)).tile ?? Number.POSITIVE_INFINITY;
  info.annotations.push({ type: "polling tab", description: `new job shown ${appeared - createdAt} ms` });
  expect(appeared - createdAt).toBeLessThan(MAX_LAG_MS);

  // The polling tab asked every second or so while the job ran, each time with the list's ETag
  // (an unchanged list is a 304: tests/api/generations-api.test.ts).
  const whileActive = listPolls.filter((p) => p.at > started && p.at < completed);
  const seconds = (completed - started) / 1000;
  expect(whileActive.length).toBeGreaterThanOrEqual(Math.floor(seconds * 0.6));
  expect(whileActive.every((p) => p.conditional)).toBe(true);
});
