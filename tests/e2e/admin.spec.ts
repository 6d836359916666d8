import { type Browser, expect, type Page, test } from "@playwright/test";
import { codeFor } from "./support/sign-in";

// An admin finds a user in the console and adds credits; the user sees the new balance.

let clients = 0;

/**
 * A browser of its own for one person. Each gets its own client address, as real people
 * would, so the per-address sign-in code limit is not shared with the rest of the suite.
 */
async function personPage(browser: Browser, baseURL: string | undefined, isMobile: boolean): Promise<Page> {
  clients += 1;
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${(Date.now() + clients) % 250}` },
    ...(isMobile && { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }),
    ...(!isMobile && { viewport: { width: 1280, height: 800 } }),
  });
  return context.newPage();
}

/** Signs in through the login page; the mailbox is read only once the new code was sent. */
async function signIn(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByLabel("Code")).toBeVisible();
  await page.getByLabel("Code").fill(await codeFor(page, email));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((url) => url.pathname === next);
}

const creditsOnProfile = (page: Page) =>
  page.locator("dt", { hasText: /^Credits$/ }).locator("xpath=following-sibling::dd[1]");

test("an admin adds credits to a user, who sees the new balance", async ({
  browser,
  baseURL,
  isMobile,
}, info) => {
  const email = `e2e-credits-${info.project.name}-${Date.now()}@example.com`;

  // The user signs in first, in a browser of their own.
  const userPage = await personPage(browser, baseURL, isMobile);
  await signIn(userPage, email, "/profile");
  await expect(creditsOnProfile(userPage)).toHaveText(/^\d[\d,]*$/);
  const before = Number(((await creditsOnProfile(userPage).textContent()) ?? "").replace(/\D/g, ""));

  // The admin finds them and adds 25 credits with a reason.
  const page = await personPage(browser, baseURL, isMobile);
  await signIn(page, "admin@example.com", "/admin/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await page.getByLabel("Search users").fill(email);
  const row = page.getByRole("link", { name: email });
  await expect(row).toBeVisible();
  await expect(page.getByRole("table", { name: "Users" }).getByRole("row")).toHaveCount(2);
  await row.click();
  await expect(page.getByRole("heading", { name: email, level: 1 })).toBeVisible();

  await page.getByLabel("Amount").fill("25");
  await page.getByLabel("Reason").fill("Welcome bonus for the beta");
  await page.getByRole("button", { name: "Apply adjustment" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Balance is now ${before + 25}` })).toBeVisible();
  await expect(page.getByTestId("user-credits")).toHaveText(String(before + 25));
  await expect(page.getByRole("table", { name: "Credit ledger" })).toContainText(
    "Welcome bonus for the beta",
  );

  // The user reloads their profile and sees it.
  await userPage.reload();
  await expect(creditsOnProfile(userPage)).toHaveText(String(before + 25));
  await userPage.context().close();
  await page.context().close();
});

test("a plain user is kept out of the console", async ({ browser, baseURL, isMobile }, info) => {
  const page = await personPage(browser, baseURL, isMobile);
  await signIn(page, `e2e-plain-${info.project.name}-${Date.now()}@example.com`, "/profile");
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/$/);
  expect((await page.request.get("/api/admin/users")).status()).toBe(403);
  await page.context().close();
});
