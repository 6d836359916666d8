import { expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { audit, switchTheme, THEMES } from "./support/audit";
import { signInThroughPage } from "./support/sign-in";

// The creative tools as a person uses them, on the emulator: each shows its price before the
// click and a receipt after.

// A client address of this file's own, so its sign-ins do not use up the suite's shared limit.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.31" } });

const png = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();

async function signIn(page: Page, name: string, info: { project: { name: string } }, next: string) {
  await signInThroughPage(page, `e2e-${name}-${info.project.name}-${Date.now()}@example.com`, next);
}

/** A finished image in the person's history, made through the API with the page's session. */
async function historyImage(page: Page, prompt: string): Promise<string> {
  const created = await page.request.post("/api/generations/create", {
    data: { model: "flux-schnell", input: { prompt } },
  });
  expect(created.status()).toBe(202);
  const { id } = (await created.json()) as { id: string };
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/generations/${id}`)).json()) as { status: string }).status,
      {
        timeout: 30_000,
      },
    )
    .toBe("completed");
  return id;
}

async function upload(page: Page, label: string, image: Buffer) {
  await page
    .getByLabel(label, { exact: true })
    .setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: image });
}

async function naturalSize(page: Page, selector: string): Promise<[number, number]> {
  const img = page.locator(selector).first();
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  return img.evaluate((el) => [
    (el as HTMLImageElement).naturalWidth,
    (el as HTMLImageElement).naturalHeight,
  ]);
}

test("paint a mask and inpaint", async ({ page }, info) => {
  await signIn(page, "inpaint", info, "/tools/inpaint");
  await upload(page, "Upload image", await png(240, 160, "#2a6"));
  const canvas = page.getByTestId("mask-canvas");
  await expect(canvas).toBeVisible({ timeout: 15_000 });
  await canvas.scrollIntoViewIfNeeded();
  await expect(page.getByText(/5 credits/).first()).toBeVisible();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 8 });
  await page.mouse.up();
  await page.getByLabel("Prompt", { exact: true }).fill("a yellow kite");
  await page.getByRole("button", { name: "Inpaint", exact: true }).click();
  await expect(page.getByTestId("before-after")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("receipt")).toHaveText("Receipt: 5 credits charged.");
});

test("expand to 16:9", async ({ page }, info) => {
  await signIn(page, "expand", info, "/tools/expand");
  await upload(page, "Upload image", await png(200, 200, "#a33"));
  await page.getByRole("button", { name: "16:9" }).click();
  await expect(page.getByTestId("expand-summary")).toContainText("356 × 200 px canvas");
  await page.getByRole("button", { name: "Expand", exact: true }).click();
  await expect(page.getByRole("img", { name: "Expanded" })).toBeVisible({ timeout: 30_000 });
  const [w, h] = await naturalSize(page, "img[alt=Expanded]");
  expect(w / h).toBeCloseTo(16 / 9, 1);
  await expect(page.getByTestId("receipt")).toHaveText("Receipt: 4 credits charged.");
});

test("upscale from a result and compare before and after", async ({ page }, info) => {
  await signIn(page, "upscale", info, "/create");
  const id = await historyImage(page, `a teapot ${info.project.name}`);
  await page.goto(`/result/${id}`);
  await page.getByRole("link", { name: /^Upscale/ }).click();
  await expect(page).toHaveURL(/\/tools\/upscale\?/);
  await expect(page.getByText(/2 credits/).first()).toBeVisible();
  await page.getByRole("button", { name: "Upscale", exact: true }).click();
  const compare = page.getByTestId("before-after");
  await expect(compare).toBeVisible({ timeout: 30_000 });
  await expect(compare.getByRole("img", { name: "Upscale, before" })).toBeVisible();
  await page.getByLabel("Compare before and after").fill("20");
  await expect(page.getByTestId("receipt")).toHaveText("Receipt: 2 credits charged.");
});

test("analyze an image and use the prompt", async ({ page }, info) => {
  await signIn(page, "analyze", info, "/tools/analyze");
  await upload(page, "Upload image", await png(120, 90, "#d62828"));
  await expect(page.getByRole("img", { name: "Image" })).toBeVisible({ timeout: 15_000 });
  await page.getByRole("button", { name: "Describe", exact: true }).click();
  await expect(page.getByTestId("description")).toContainText("red", { timeout: 30_000 });
  await expect(page.getByTestId("receipt")).toHaveText("Receipt: 1 credit charged.");
  const prompt = (await page.getByTestId("text-prompt").locator("p").textContent()) ?? "";
  await page.getByRole("link", { name: /Use this prompt/ }).click();
  await expect(page).toHaveURL(/\/create/);
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue(prompt);
});

test("keyframes from two history images", async ({ page }, info) => {
  await signIn(page, "keyframes", info, "/create");
  await historyImage(page, "a sunrise over hills");
  await historyImage(page, "a night sky over hills");
  await page.goto("/tools/keyframes");
  await page
    .getByRole("group", { name: "First frame" })
    .getByRole("button", { name: "From history" })
    .click();
  await page.getByRole("list", { name: "Pick first frame from history" }).getByRole("button").nth(1).click();
  await page.getByRole("group", { name: "Last frame" }).getByRole("button", { name: "From history" }).click();
  await page.getByRole("list", { name: "Pick last frame from history" }).getByRole("button").first().click();
  await expect(page.getByText(/45 credits/).first()).toBeVisible();
  await page.getByLabel("Prompt", { exact: true }).fill("the night falls");
  await page.getByRole("button", { name: "Make video", exact: true }).click();
  const video = page.getByTestId("keyframes-video");
  await expect(video).toBeVisible({ timeout: 40_000 });
  await expect
    .poll(() => video.evaluate((v) => (v as HTMLVideoElement).readyState), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await expect(page.getByTestId("receipt")).toHaveText("Receipt: 45 credits charged.");
});

test("3 variations appear one by one", async ({ page }, info) => {
  await signIn(page, "variations", info, "/create");
  await page.getByLabel("Model").selectOption({ label: "FLUX.1 [schnell]" });
  await page.getByLabel("Prompt", { exact: true }).fill(`paper boats ${info.project.name}`);
  await page.getByRole("button", { name: "3 variations" }).click();
  await expect(page.getByText("3 credits", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Generate" }).click();
  const tiles = page.getByTestId("generation-tile");
  await expect(tiles).toHaveCount(3, { timeout: 15_000 });
  for (let i = 0; i < 3; i++)
    await expect(tiles.nth(i)).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
});

test("crop and rotate an upload, undo once, and generate from it", async ({ page }, info) => {
  await signIn(page, "prep", info, "/create");
  await page.getByLabel("Model").selectOption("flux-kontext-pro");
  await page.getByLabel("Instruction", { exact: true }).fill("make it snow");
  await page.getByLabel("Add image for Image to edit").setInputFiles({
    name: "wide.png",
    mimeType: "image/png",
    buffer: await png(300, 200, "#357"),
  });
  await page.getByRole("button", { name: "Crop, rotate or flip image to edit 1" }).click();
  await expect(page.getByTestId("prep-size")).toHaveText("Result: 300 × 200 px", { timeout: 15_000 });
  await page.getByRole("button", { name: "Rotate right" }).click();
  await expect(page.getByTestId("prep-size")).toHaveText("Result: 200 × 300 px");
  await page.getByRole("button", { name: "1:1" }).click();
  await expect(page.getByTestId("prep-size")).toHaveText("Result: 200 × 200 px");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("prep-size")).toHaveText("Result: 200 × 300 px");
  await page.getByRole("button", { name: "Use this image" }).click();
  const preview = page.getByRole("img", { name: "Image to edit 1" });
  await expect
    .poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 15_000 })
    .toBe(200);
  expect(await preview.evaluate((img) => (img as HTMLImageElement).naturalHeight)).toBe(300);
  await page.getByRole("button", { name: "Generate" }).click();
  const tile = page.getByTestId("generation-tile").first();
  await expect(tile).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
});

test("tool pages have no serious accessibility problems, light or dark", async ({ page }, info) => {
  test.slow(); // eleven pages in two themes, each waited for and audited
  await signIn(page, "tools-a11y", info, "/tools");
  const id = await historyImage(page, "a quiet harbour");
  const detail = (await (await page.request.get(`/api/generations/${id}`)).json()) as {
    outputs: { url: string }[];
  };
  const withImage = `?${new URLSearchParams({ image: detail.outputs[0]?.url ?? "", parent: id })}`;
  const paths = [
    "/tools",
    `/tools/inpaint${withImage}`,
    `/tools/expand${withImage}`,
    `/tools/upscale${withImage}`,
    "/tools/remove-background",
    "/tools/restore-face",
    `/tools/analyze${withImage}`,
    "/tools/brainstorm",
    "/tools/keyframes",
    "/tools/prompt-builder",
    "/tools/prep",
  ];
  const problems: string[] = [];
  for (const theme of THEMES) {
    await switchTheme(page, theme);
    for (const path of paths) problems.push(...(await audit(page, path)));
  }
  expect(problems).toEqual([]);
});
