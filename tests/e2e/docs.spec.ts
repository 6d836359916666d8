import { expect, test } from "@playwright/test";
import { audit, switchTheme, THEMES } from "./support/audit";

// The in-app docs: public, linked from the header and the footer, current with the catalog, and
// the API reference renders the OpenAPI document under the page's own security policy.

const DOCS = [
  "/docs",
  "/docs/models",
  "/docs/credits",
  "/docs/flows",
  "/docs/using-the-api",
  "/docs/self-hosting",
];

test("the docs are reachable from the footer and every page is accessible, light or dark", async ({
  page,
}) => {
  test.slow();
  await page.goto("/");
  await page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "Docs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Getting started" })).toBeVisible();
  const problems: string[] = [];
  for (const theme of THEMES) {
    await switchTheme(page, theme);
    for (const path of DOCS) problems.push(...(await audit(page, path)));
  }
  expect(problems).toEqual([]);
});

test("models and prices list the enabled catalog with prices", async ({ page }) => {
  await page.goto("/docs/models");
  const table = page.getByRole("table", { name: /enabled models/i });
  await expect(table.getByRole("row", { name: /FLUX\.1 \[dev\]/ })).toContainText("per megapixel");
  expect(await table.getByRole("row").count()).toBeGreaterThan(5);
});

test("the API reference lists the routes of the OpenAPI document", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByText("Create a generation (charged now, refunded if it fails)").first()).toBeVisible(
    {
      timeout: 20_000,
    },
  );
  await expect(page.getByText("/api/generations/list").first()).toBeAttached();
  expect(refused).toEqual([]);
});
