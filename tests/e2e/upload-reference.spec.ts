import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { signInThroughPage } from "./support/sign-in";

// Gemini Flash Image (catalog id gemini-2-5-flash-image) takes up to 3 reference images (lib/models/google.ts); the file goes
// from the browser straight to storage over tus, then the app checks and keeps it.
test("upload a reference image with progress, see its preview, generate with it", async ({ page }, info) => {
  const email = `e2e-upload-${info.project.name}-${Date.now()}@example.com`;
  await signInThroughPage(page, email, "/create");
  await page.getByLabel("Model").selectOption("gemini-2-5-flash-image");
  await page.getByLabel("Prompt", { exact: true }).fill(`the same scene at night ${info.project.name}`);

  // Slow the upload's chunks down a little, so its progress can be seen on the way.
  await page.route("**/api/uploads/tus/**", async (route) => {
    if (route.request().method() === "PATCH") await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
  const image = await sharp({
    create: {
      width: 320,
      height: 240,
      channels: 3,
      background: "#2a6",
      noise: { type: "gaussian", mean: 90, sigma: 30 },
    },
  })
    .jpeg()
    .toBuffer();
  await page.getByLabel("Add image for Reference images").setInputFiles({
    name: "reference.jpg",
    mimeType: "image/jpeg",
    buffer: image,
  });

  await expect(page.getByRole("progressbar", { name: "Uploading reference.jpg" })).toBeVisible();
  const preview = page.getByRole("img", { name: "Reference images 1" });
  await expect(preview).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(320);
  await expect(page.getByRole("progressbar")).toHaveCount(0);

  await page.getByRole("button", { name: "Generate" }).click();
  await page.goto("/history");
  const tile = page.getByTestId("generation-tile").first();
  await expect(tile).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
});

test("names a file that is not an image and uploads nothing", async ({ page }, info) => {
  await signInThroughPage(
    page,
    `e2e-upload-refused-${info.project.name}-${Date.now()}@example.com`,
    "/create",
  );
  await page.getByLabel("Model").selectOption("gemini-2-5-flash-image");
  await page.getByLabel("Add image for Reference images").setInputFiles({
    name: "notes.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4 not an image"),
  });
  await expect(page.getByText("notes.pdf is not a PNG, JPEG, WebP, GIF or AVIF image.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Reference images 1" })).toHaveCount(0);
});

test("resumes after a dropped connection; a canceled upload goes away without an error", async ({
  page,
}, info) => {
  await signInThroughPage(
    page,
    `e2e-upload-resume-${info.project.name}-${Date.now()}@example.com`,
    "/create",
  );
  await page.getByLabel("Model").selectOption("gemini-2-5-flash-image");
  const image = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c33" } })
    .png()
    .toBuffer();
  const input = page.getByLabel("Add image for Reference images");

  // The first chunk's connection drops: tus asks for the offset and sends it again.
  const sent: string[] = [];
  let dropped = false;
  await page.route("**/api/uploads/tus/**", async (route) => {
    sent.push(route.request().method());
    if (route.request().method() === "PATCH" && !dropped) {
      dropped = true;
      return route.abort("connectionreset");
    }
    await route.continue();
  });
  await input.setInputFiles({ name: "first.png", mimeType: "image/png", buffer: image });
  await expect(page.getByRole("img", { name: "Reference images 1" })).toBeVisible({ timeout: 15_000 });
  expect(sent.filter((method) => method !== "POST")).toEqual(["PATCH", "HEAD", "PATCH"]);
  await page.unroute("**/api/uploads/tus/**");

  // A second file is canceled while its bytes are on the way.
  await page.route("**/api/uploads/tus/**", async (route) => {
    if (route.request().method() === "PATCH") await new Promise((resolve) => setTimeout(resolve, 5000));
    await route.continue().catch(() => {});
  });
  await page.getByLabel("Add image for Reference images").setInputFiles({
    name: "second.png",
    mimeType: "image/png",
    buffer: image,
  });
  await expect(page.getByRole("progressbar", { name: "Uploading second.png" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel uploading second.png" }).click();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(page.getByRole("img", { name: /Reference images/ })).toHaveCount(1);
  await expect(page.getByText(/could not be uploaded|went wrong/)).toHaveCount(0);
});
