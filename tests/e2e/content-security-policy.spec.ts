import { expect, type Page, test } from "@playwright/test";
import { signInThroughPage } from "./support/sign-in";

// Every page works under its Content-Security-Policy: Next's scripts hydrate, the theme script
// runs, fonts and stored images load, a generation goes through, and the browser reports no
// violation anywhere on the way.

declare global {
  interface Window {
    reportCspViolation?: (text: string) => void;
  }
}

/** Collects every CSP violation the browser reports, as console errors or as DOM events. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      window.reportCspViolation?.(
        `${event.effectiveDirective} blocked ${event.blockedURI} in ${event.documentURI}`,
      ),
    );
  });
  return violations;
}

// A client address of its own, so these sign-ins do not count against the rest of the suite's.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.17" } });

async function loadedFonts(page: Page): Promise<number> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((font) => font.status === "loaded").length;
  });
}

test("pages run under their CSP without a single violation", async ({ page }, info) => {
  const violations = await watchViolations(page);
  const prompt = `a lantern under strict rules ${info.project.name} ${Date.now()}`;

  // Signing in only works once /login has hydrated: the form submits by script.
  await page.goto("/login");
  await expect(page.getByLabel("Email")).toBeVisible();
  await signInThroughPage(page, "admin@example.com", "/");
  expect(await loadedFonts(page)).toBeGreaterThan(0);

  // The theme menu (a Radix dropdown) works, and the inline theme script keeps the choice on reload.
  await page.getByRole("button", { name: "Theme" }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);

  await page.goto("/create");
  await page.getByLabel("Model").selectOption({ label: "FLUX.1 [schnell]" });
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  const created = page.waitForResponse(
    (res) => new URL(res.url()).pathname === "/api/generations/create" && res.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Generate" }).click();
  expect((await created).ok()).toBe(true);

  await page.goto("/history");
  const tile = page.getByTestId("generation-tile").first();
  await expect(tile).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  const image = tile.locator("img");
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

  // Pages whose scripts build zod schemas in the browser: the flows list and the API reference.
  await page.goto("/flows");
  await expect(page.getByRole("heading", { name: "Flows", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Loading flows")).toHaveCount(0);
  await page.goto("/docs/api");
  await expect(
    page.getByRole("region", { name: "Create a generation (charged now, refunded if it fails)" }),
  ).toBeVisible({
    timeout: 30_000,
  });

  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/users/);
  // While the streamed page is swapped in, a hidden copy of the header can sit beside the shown one.
  await expect(page.getByText("Admin console").filter({ visible: true })).toBeVisible();

  expect(violations).toEqual([]);
});

test("the admin console refuses to be framed", async ({ page }) => {
  const res = await page.request.get("/admin", { maxRedirects: 0 });
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  expect(res.headers()["content-security-policy"]).toMatch(/(^|;\s*)frame-ancestors 'none'(;|$)/);
});
