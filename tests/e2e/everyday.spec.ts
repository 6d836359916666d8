import { expect, type Page, test } from "@playwright/test";
import { signInThroughPage } from "./support/sign-in";

// The first ten minutes of a new person, on a laptop (1280×800) and a phone (390×844): what
// they type survives model switches and reloads, Generate and the result actions are on screen,
// something visibly happens after Generate, and every problem shows beside the button.

// One client address for this file, so its sign-ins do not use up the suite's shared limit.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.23" } });

let people = 0;
async function newPerson(page: Page, name: string, next: string, project: string): Promise<void> {
  people += 1;
  await signInThroughPage(page, `e2e-${name}-${project}-${Date.now()}-${people}@example.com`, next);
}

const prompt = (page: Page) => page.getByLabel("Prompt", { exact: true });
const generate = (page: Page) => page.getByRole("button", { name: "Generate" });

/**
 * Follows the started job's link once the page has stopped scrolling: on a phone the new tile
 * under the form is brought into view with a smooth scroll, and a click aimed at the moving link
 * can land beside it, as a tap would.
 */
async function followStarted(page: Page): Promise<void> {
  const link = page.getByRole("status").getByRole("link", { name: "Follow it" });
  await expect(link).toBeVisible();
  const stillFor100ms = () =>
    page.evaluate(async () => {
      const before = window.scrollY;
      await new Promise((done) => setTimeout(done, 100));
      return window.scrollY === before;
    });
  await expect.poll(stillFor100ms).toBe(true);
  await link.click();
}

async function status(page: Page, id: string): Promise<string> {
  const res = await page.request.get(`/api/generations/${id}`);
  return ((await res.json()) as { status: string }).status;
}

test("the prompt and shared fields stay across model switches and a reload", async ({ page }, info) => {
  await newPerson(page, "form", "/create", info.project.name);
  await page.getByLabel("Model").selectOption({ label: "FLUX.1 [schnell]" });
  await prompt(page).fill("a red fox in a snowy forest");
  await page.getByLabel("Aspect ratio").selectOption("16:9");

  await page.getByLabel("Model").selectOption({ label: "FLUX1.1 [pro]" });
  await expect(prompt(page)).toHaveValue("a red fox in a snowy forest");
  await expect(page.getByLabel("Aspect ratio").locator("option:checked")).toHaveText("16:9");

  // An upscaler has no prompt; coming back, the prompt is still there.
  await page.getByLabel("Model").selectOption({ label: "Real-ESRGAN upscaler" });
  await page.getByLabel("Model").selectOption({ label: "FLUX1.1 [pro]" });
  await expect(prompt(page)).toHaveValue("a red fox in a snowy forest");

  await page.reload();
  await expect(page.getByLabel("Model").locator("option:checked")).toHaveText("FLUX1.1 [pro]");
  await expect(prompt(page)).toHaveValue("a red fox in a snowy forest");
  await expect(page.getByLabel("Aspect ratio").locator("option:checked")).toHaveText("16:9");
});

test("Generate is on screen, Ctrl+Enter starts a job and the new job is shown", async ({ page }, info) => {
  await newPerson(page, "generate", "/create", info.project.name);
  await expect(page.getByTestId("header-balance")).toBeVisible();
  await expect(page.getByTestId("header-balance")).toHaveText(/^100/);
  await page.getByLabel("Model").selectOption({ label: "FLUX.1 [schnell]" });
  await expect(generate(page)).toBeInViewport({ ratio: 1 });

  await prompt(page).fill(`a lighthouse at dusk ${info.project.name}`);
  await prompt(page).press("Control+Enter");
  const started = page.getByRole("status").filter({ hasText: "Started." });
  await expect(started).toBeVisible();
  // On a phone the list is under the form: the new tile is brought into view.
  await expect(page.locator("#recent-jobs li").first()).toBeInViewport({ timeout: 5_000 });
});

test("the result: actions on screen, a named download, and use as input", async ({ page }, info) => {
  await newPerson(page, "result", "/create", info.project.name);
  await page.getByLabel("Model").selectOption({ label: "Gemini 3.1 Flash Image (Nano Banana 2)" });
  await prompt(page).fill("A red fox in a snowy forest");
  await generate(page).click();
  await followStarted(page);
  await expect(page).toHaveURL(/\/result\//);
  const id = page.url().split("/result/")[1] ?? "";
  await expect.poll(() => status(page, id), { timeout: 30_000 }).toBe("completed");
  await page.reload();

  const download = page.getByRole("link", { name: "Download" });
  await expect(download).toBeInViewport({ ratio: 1 });
  await expect(download).toHaveAttribute(
    "download",
    new RegExp(`^red-fox-snowy-forest-${id.slice(0, 4)}\\.\\w+$`),
  );
  const file = await page.request.get((await download.getAttribute("href")) ?? "");
  expect(file.headers()["content-disposition"]).toMatch(/^attachment; filename="red-fox-snowy-forest-/);

  await page.getByRole("link", { name: /Use as input/ }).click();
  await expect(page).toHaveURL(/\/create/);
  await expect(page.getByLabel("Model").locator("option:checked")).toHaveText(
    "Gemini 3.1 Flash Image (Nano Banana 2)",
  );
  await expect(prompt(page)).toHaveValue("A red fox in a snowy forest");
  await expect(page.getByRole("img", { name: "Reference images 1" })).toBeVisible();
});

test("a failed job shows its seed and can be tried again at a price shown first", async ({ page }, info) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await newPerson(page, "retry", "/create", info.project.name);
  await page.getByLabel("Model").selectOption({ label: "FLUX.1 [schnell]" });
  await prompt(page).fill("a castle in the clouds [fail]");
  await page.getByText("Advanced").click();
  await page.getByLabel("Seed").fill("4242");
  await generate(page).click();
  await followStarted(page);
  await expect(page).toHaveURL(/\/result\//);
  const failedId = page.url().split("/result/")[1] ?? "";
  await expect.poll(() => status(page, failedId), { timeout: 30_000 }).toBe("failed");
  await page.reload();

  const seed = page.locator("dt", { hasText: /^Seed$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(seed).toContainText("4242");
  await page.getByRole("button", { name: "Copy seed" }).click();
  await expect(seed).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("4242");

  const notes = await (await page.request.get("/api/notifications")).json();
  expect(JSON.stringify(notes)).toContain("1 credit was refunded.");

  await page.getByRole("button", { name: "Try again" }).click();
  const confirm = page.getByRole("button", { name: "Try again for 1 credit" });
  await expect(confirm).toBeVisible();
  await confirm.click();
  await expect(page).not.toHaveURL(new RegExp(failedId));
  const retryId = page.url().split("/result/")[1] ?? "";
  const retry = (await (await page.request.get(`/api/generations/${retryId}`)).json()) as {
    parent_generation_id: string;
    input: { prompt: string; seed: number };
  };
  expect(retry).toMatchObject({
    parent_generation_id: failedId,
    input: { prompt: "a castle in the clouds [fail]" },
  });
});

test("too few credits: Generate says why, and the way to get more notifies the admins", async ({
  page,
}, info) => {
  await newPerson(page, "short", "/video", info.project.name);
  await page.getByLabel("Model").selectOption({ label: "Veo 3.1 Fast" });
  await prompt(page).fill("waves on a beach at sunset");
  // Veo's default clip is 8 s at 15 credits a second: 120, more than the 100 a new account has.
  const reason = page.getByText("Not enough credits: this costs 120 credits and you have 100 credits.");
  await expect(reason).toBeInViewport();
  await expect(generate(page)).toBeDisabled();
  await prompt(page).press("Control+Enter");
  await expect(page.getByRole("status").filter({ hasText: "Started." })).toHaveCount(0);

  await page.getByLabel("Duration").selectOption({ label: "4 s" });
  await expect(generate(page)).toBeEnabled();
  await page.getByLabel("Duration").selectOption({ label: "8 s" });

  await page.getByRole("main").getByRole("link", { name: "How to get credits" }).click();
  await expect(page.getByRole("heading", { name: "How to get credits", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Request credits" }).click();
  await expect(page.getByRole("button", { name: "Request sent" })).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "Request credits" }).click();
  const again = page.getByRole("alert").filter({ hasText: "You asked already" });
  await expect(again).toBeVisible();
  await expect(again.locator("..")).toBeFocused();
});

test("an error after Generate shows beside the button, announced and focused", async ({ page }, info) => {
  await newPerson(page, "error", "/create", info.project.name);
  // Five slow jobs are the most one person may run at once; the sixth is refused.
  for (let i = 0; i < 5; i += 1) {
    const res = await page.request.post("/api/generations/create", {
      data: { model: "flux-schnell", input: { prompt: `a slow one ${i} [slow]` } },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(res.status()).toBe(202);
  }
  await page.getByLabel("Model").selectOption({ label: "FLUX.1 [schnell]" });
  await prompt(page).fill("one more");
  await generate(page).click();
  const problem = page.getByRole("alert").filter({ hasText: "5 generations running" });
  await expect(problem).toBeInViewport();
  await expect(page.locator("#generate-problem")).toBeFocused();
});
