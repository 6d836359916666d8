import { expect, type Locator, test } from "@playwright/test";
import { signInThroughPage } from "./support/sign-in";

/** A video tile shows the clip's first frame, loaded, and its length in a corner. */
async function expectPosterTile(tile: Locator, length: string) {
  await expect(tile).toHaveAttribute("data-status", "completed", { timeout: 40_000 });
  const poster = tile.getByTestId("video-poster");
  await expect(poster).toBeVisible();
  await expect
    .poll(() => poster.evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0);
  await expect(tile.locator("..").getByTestId("video-duration")).toHaveText(`Length ${length}`);
}

test("a clip shows its poster and length on /video and /history, and goes on from its last frame", async ({
  page,
}, info) => {
  const email = `e2e-video-${info.project.name}-${Date.now()}@example.com`;
  await signInThroughPage(page, email, "/video");

  await page.getByLabel("Model").selectOption({ label: "Veo 3.1 Fast" });
  await page.getByLabel("Prompt", { exact: true }).fill(`a kite over the dunes ${info.project.name}`);
  await page.getByLabel("Duration").selectOption({ label: "6 s" });
  await page.getByRole("button", { name: "Generate" }).click();

  await expectPosterTile(page.getByTestId("generation-tile").first(), "0:06");
  await page.screenshot({ path: info.outputPath("video.png") });

  await page.goto("/history");
  const tile = page.getByTestId("generation-tile").first();
  await expectPosterTile(tile, "0:06");
  await page.screenshot({ path: info.outputPath("history.png") });

  await tile.click();
  await expect(page).toHaveURL(/\/result\//);
  await expect(page.locator("main video")).toHaveAttribute("poster", /\.thumb\.webp/);
  await page.getByRole("link", { name: "Use last frame as input" }).click();

  await expect(page).toHaveURL(/\/video/);
  await expect(page.getByLabel("Model")).toHaveValue("veo-3-1-fast");
  const firstFrame = page.getByAltText("First frame 1");
  await expect(firstFrame).toHaveAttribute("src", /\.last\.jpg/);
  await expect
    .poll(() => firstFrame.evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0);
});
