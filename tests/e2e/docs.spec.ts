import AxeBuilder from "@axe-core/playwright";
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
/** An operation's summary in the API reference: it is drawn once the document has loaded. */
const CREATE_OPERATION = "Create a generation (charged now, refunded if it fails)";

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
    for (const path of DOCS) {
      problems.push(...(await audit(page, path)));
      // Nothing wider than the screen: a wide table scrolls in its own box, not the page.
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > (page.viewportSize()?.width ?? 0)) problems.push(`${path}: ${width} px wide`);
    }
  }
  expect(problems).toEqual([]);
});

// Scalar's own markup has structural faults axe reports (a second h1, buttons inside its
// disclosure buttons, a tab list with a wrapper between it and its tabs, and on a phone a
// "More clients" button whose name axe does not find) that no setting reaches; what the app
// controls is checked: its colours, its targets, no nameless search button, and the page keeping
// the app's background in either theme (Scalar paints <body> with its palette).
test("the API reference takes the app's theme, and its text and buttons pass, light or dark", async ({
  page,
}) => {
  await page.goto("/docs");
  const problems: string[] = [];
  for (const theme of THEMES) {
    await switchTheme(page, theme);
    await page.goto("/docs");
    const pageBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.goto("/docs/api");
    await expect(page.getByRole("region", { name: CREATE_OPERATION })).toBeVisible({ timeout: 30_000 });
    await page.waitForTimeout(300);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    if (background !== pageBackground)
      problems.push(`${theme}: page background ${background}, not ${pageBackground}`);
    const results = await new AxeBuilder({ page })
      .withRules(["color-contrast", "target-size", "button-name", "aria-allowed-role"])
      .exclude(".client-libraries__select")
      .analyze();
    for (const v of results.violations)
      for (const n of v.nodes)
        problems.push(`${theme}: ${v.id} at ${n.target.join(" ")}: ${n.failureSummary}`);
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
  await expect(page.getByRole("region", { name: CREATE_OPERATION })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("/api/generations/list").first()).toBeAttached();
  // The page fits the screen, a phone's too: its widest operation does not widen the docs' column.
  const width = page.viewportSize()?.width ?? 0;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  expect(refused).toEqual([]);
});
