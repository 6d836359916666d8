import { expect, test } from "@playwright/test";
import { signInThroughPage } from "./support/sign-in";

test("generate an image, watch it appear in history, open the result", async ({ page }, info) => {
  const email = `e2e-gen-${info.project.name}-${Date.now()}@example.com`;
  const prompt = `a red lighthouse on a cliff ${info.project.name}`;
  await signInThroughPage(page, email, "/create");

  await page.getByLabel("Model").selectOption({ label: "FLUX.1 [schnell]" });
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  await page.getByRole("button", { name: "Generate" }).click();

  await page.goto("/history");
  const tile = page.getByTestId("generation-tile").first();
  await expect(tile).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  await expect(tile.locator("img")).toBeVisible();
  await tile.click();

  await expect(page).toHaveURL(/\/result\//);
  await expect(page.getByText(prompt).first()).toBeVisible();
  const image = page.locator("main img").first();
  await expect(image).toBeVisible();
  // Visible is not loaded: the bytes may still be on their way.
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
});
