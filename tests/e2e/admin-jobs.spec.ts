import { expect, test } from "@playwright/test";
import { adminContext } from "./support/admin-session";

// An admin opens Jobs from the console's navigation and sees the queue and the live workers.
test("an admin sees the job queue and its workers", async ({ browser, baseURL, isMobile }) => {
  const context = await adminContext(browser, {
    baseURL,
    ...(isMobile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  await page.goto("/admin/jobs");
  await expect(page.getByRole("heading", { name: "Jobs" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Jobs" })).toBeVisible();
  // The server runs its own worker: at least one pool is alive.
  const workers = page.getByText("workers", { exact: true }).locator("xpath=following-sibling::*[1]");
  await expect(workers).toHaveText(/^[1-9]\d*$/);
  await page.getByLabel("State").selectOption("dead");
  await expect(page).toHaveURL(/state=dead/);
  await expect(page.getByText("No jobs in state dead.")).toBeVisible();
  await context.close();
});
