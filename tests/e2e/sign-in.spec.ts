import { expect, test } from "@playwright/test";
import { codeFor } from "./support/sign-in";

test("a signed-out visitor of a protected page is sent to sign in, and comes back after", async ({
  page,
}, info) => {
  const email = `e2e-${info.project.name}-${Date.now()}@example.com`;
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/login\?next=%2Fprofile/);

  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  const code = await codeFor(page, email);
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/profile$/);
  // In the page's main content: while the sign-in page hands over, a hidden second copy of the
  // profile can be in the document for a moment.
  await expect(page.getByRole("main").getByText(email)).toBeVisible();

  const me = await page.request.get("/api/me");
  expect(me.status()).toBe(200);
});

test("a wrong code shows an error and does not sign in", async ({ page }, info) => {
  const email = `e2e-wrong-${info.project.name}-${Date.now()}@example.com`;
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  const code = await codeFor(page, email);
  await page.getByLabel("Code").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Next adds an empty route-announcer alert; ours is the one with text.
  await expect(page.getByRole("alert").filter({ hasText: /code/i })).toBeVisible();
  expect((await page.request.get("/api/me")).status()).toBe(401);
});

test("signing out ends the session and protected pages redirect again", async ({ page }, info) => {
  const email = `e2e-out-${info.project.name}-${Date.now()}@example.com`;
  await page.goto("/login?next=/profile");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByLabel("Code").fill(await codeFor(page, email));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/profile$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/me")).status()).toBe(401);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/login\?next=%2Fprofile/);
});
