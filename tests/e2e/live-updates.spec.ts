import { type BrowserContext, type BrowserContextOptions, expect, type Page, test } from "@playwright/test";
import { adminContext } from "./support/admin-session";
import { signInThroughPage } from "./support/sign-in";

// Live updates in the browser: one person with two tabs sees a job started in one tab appear in
// the other at once (not at the next poll, 60 s away on an idle history page), and an admin's
// grant changes the balance in the header without a reload.

let contexts = 0;

/** Options for a browser of one person, with its own client address (sign-in limits are per address). */
function personOptions(baseURL: string | undefined, isMobile: boolean): BrowserContextOptions {
  contexts += 1;
  return {
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${(Date.now() + contexts) % 250}` },
    ...(isMobile
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1280, height: 800 } }),
  };
}

/** Opens a page and waits until its live channel (the event stream) is open. */
async function openLive(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const stream = page.waitForResponse((res) => new URL(res.url()).pathname === "/api/events");
  await page.goto(path);
  expect((await stream).status()).toBe(200);
  return page;
}

/** The balance where the header shows it: beside the menu, or in the drawer on a phone. */
async function headerBalance(page: Page, isMobile: boolean) {
  if (!isMobile) return page.getByTitle("Your credit balance");
  await page.getByRole("button", { name: "Open menu" }).click();
  return page.getByRole("dialog").getByText(/^[\d,]+ credits$/);
}

test("a job started in one tab appears in the other, and a grant updates the header balance", async ({
  browser,
  baseURL,
  isMobile,
}, info) => {
  const email = `e2e-live-${info.project.name}-${Date.now()}@example.com`;
  const prompt = `a harbour at dusk, seen live ${info.project.name} ${Date.now()}`;
  const person = await browser.newContext(personOptions(baseURL, isMobile));
  const creating = await person.newPage();
  await signInThroughPage(creating, email, "/create");
  const watching = await openLive(person, "/history");
  await expect(watching.getByRole("heading", { level: 1 })).toBeVisible();
  // Set on the page now: still there at the end means the page was never reloaded.
  await watching.evaluate(() => {
    (window as unknown as { liveMarker: number }).liveMarker = 1;
  });

  await creating.getByLabel("Model").selectOption({ label: "FLUX.1 [schnell]" });
  await creating.getByLabel("Prompt", { exact: true }).fill(prompt);
  const created = creating.waitForResponse(
    (res) => new URL(res.url()).pathname === "/api/generations/create",
  );
  await creating.getByRole("button", { name: "Generate" }).click();
  // From the moment the job exists: the other tab's next poll would be a minute away.
  expect((await created).status()).toBe(202);
  await expect(watching.getByRole("link", { name: new RegExp(prompt) })).toBeVisible({ timeout: 2_000 });
  await expect(watching.getByTestId("generation-tile").first()).toHaveAttribute("data-status", "completed", {
    timeout: 15_000,
  });

  // An admin grants credits from a browser of their own.
  const me = (await (await watching.request.get("/api/me")).json()) as { id: string; credits: number };
  const balance = await headerBalance(watching, isMobile);
  await expect(balance).toHaveText(`${me.credits.toLocaleString("en-US")} credits`);
  const admin = await adminContext(browser, personOptions(baseURL, isMobile));
  const granted = await admin.request.post(`/api/admin/users/${me.id}/credits`, {
    data: { delta: 25, reason: "live balance check" },
  });
  expect(granted.status()).toBe(200);

  await expect(balance).toHaveText(`${(me.credits + 25).toLocaleString("en-US")} credits`, {
    timeout: 3_000,
  });
  expect(await watching.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(1);
  await admin.close();
  await person.close();
});
