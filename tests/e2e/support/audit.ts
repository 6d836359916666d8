// axe-core through Playwright, and the theme switch the audits run in.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const THEMES = ["light", "dark"] as const;

/** The theme the next pages load in, as the header's toggle stores it. */
export async function switchTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await page.evaluate((value) => localStorage.setItem("atelier-theme", value), theme);
}

/** Waits for the page to settle (no skeletons), then lists serious axe violations and h1 counts other than one. */
export async function audit(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
  // Let colour transitions finish, so contrast is measured on the final colours.
  await page.waitForTimeout(300);
  const problems: string[] = [];
  const headings = await page.locator("h1").count();
  if (headings !== 1) problems.push(`${path}: ${headings} h1 elements, expected exactly one`);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  for (const v of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical"))
    for (const n of v.nodes)
      problems.push(`${path}: ${v.id} (${v.impact}) at ${n.target.join(" ")}: ${n.failureSummary}`);
  return problems;
}
