import { expect, type Locator, type Page, test } from "@playwright/test";
import { signInThroughPage } from "./support/sign-in";

// The flow editor as a person uses it: on a desktop, a flow built from the palette, priced,
// run on the emulator, changed and run again with its unchanged part reused; on a phone, a
// flow opened and run.

test.use({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.31" } });

const node = (page: Page, type: string, model?: string) =>
  page.locator(`.react-flow__node-${type}${model ? `:has([data-model="${model}"])` : ""}`);

/** Drags a palette entry onto the canvas at a point of the pane, then leaves it unselected. */
async function place(page: Page, key: string, x: number, y: number) {
  await page
    .getByTestId(`palette-${key}`)
    .dragTo(page.locator(".react-flow__pane"), { targetPosition: { x, y } });
  // A new node is selected, and the selected node's settings float over the canvas's right side.
  await page.keyboard.press("Escape");
  await expect(page.getByRole("complementary", { name: "Selected node" })).toHaveCount(0);
}

/** Presses on one handle and releases on another, moving in steps as a hand would. */
async function wire(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error("handle not on screen");
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

const handle = (n: Locator, id: string, kind: "source" | "target") =>
  n.locator(`.react-flow__handle.${kind}[data-handleid="${id}"]`);

const runStatus = (n: Locator) => n.getByTestId("node-run");

test("a flow: built, priced, run and re-run with reuse on a desktop; opened and run on a phone; its last run shown on return", async ({
  page,
  isMobile,
}, info) => {
  test.slow(); // two runs on the emulator
  await signInThroughPage(page, `e2e-flows-${info.project.name}-${Date.now()}@example.com`, "/flows");

  if (isMobile) {
    // A starter flow, opened on the phone: its steps in order, the price on Run, then the run.
    await page.getByRole("button", { name: /Text → image → upscale/ }).click();
    await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
    const steps = page.getByTestId("flow-step");
    await expect(steps).toHaveCount(4);
    await expect(page.getByTestId("run-button")).toContainText("3 credits");
    await page.getByTestId("run-button").click();
    const generated = steps.filter({ hasText: "FLUX.1 [schnell]" });
    const upscaled = steps.filter({ hasText: "Real-ESRGAN" });
    await expect(runStatus(generated)).toHaveAttribute("data-status", "done", { timeout: 30_000 });
    await expect(runStatus(upscaled)).toHaveAttribute("data-status", "done", { timeout: 30_000 });
    await expect(upscaled.getByTestId("node-thumbnail")).toBeVisible();
    // Coming back to the flow shows what its last run made.
    await page.reload();
    await expect(runStatus(upscaled)).toHaveAttribute("data-status", "done");
    await expect(upscaled.getByTestId("node-thumbnail")).toBeVisible();
    return;
  }

  await page.getByRole("button", { name: "New flow" }).click();
  await page.getByRole("button", { name: /Blank flow/ }).click();
  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  // Three nodes from the palette, dropped left to right.
  await place(page, "text", 140, 160);
  await place(page, "generate-image", 460, 160);
  await place(page, "tool-upscale", 780, 160);
  const text = node(page, "text");
  const generate = node(page, "generate", "flux-schnell");
  const upscale = node(page, "generate", "real-esrgan");
  await expect(generate).toBeVisible();
  await expect(upscale).toBeVisible();
  await text.getByRole("textbox", { name: "Text" }).fill("a red lighthouse on a cliff");

  // A refused connection says why, and adds nothing.
  await wire(page, handle(text, "text", "source"), handle(upscale, "image", "target"));
  await expect(page.getByTestId("connection-refused")).toContainText("takes an image, not text");
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);

  await wire(page, handle(text, "text", "source"), handle(generate, "prompt", "target"));
  await wire(page, handle(generate, "image", "source"), handle(upscale, "image", "target"));
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);

  // FLUX.1 [schnell] at 1 credit, the upscale at 2: the total is on Run, once saved and priced.
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  const run = page.getByTestId("run-button");
  await expect(run).toContainText("3 credits");
  await expect(run).not.toContainText("~");
  await run.click();

  await expect(runStatus(generate)).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(runStatus(upscale)).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(generate.getByTestId("node-thumbnail")).toBeVisible();
  await expect(upscale.getByTestId("node-thumbnail")).toBeVisible();

  // One field changed: only the upscale runs again; the image before it is reused for free.
  await upscale.getByText("Upscale", { exact: true }).click();
  await page
    .getByRole("complementary", { name: "Selected node" })
    .getByLabel("Scale", { exact: true })
    .selectOption({ label: "2×" });
  await expect(run).toContainText("2 credits");
  await run.click();
  await expect(runStatus(generate)).toHaveAttribute("data-status", "reused", { timeout: 30_000 });
  await expect(runStatus(upscale)).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(generate.getByRole("link", { name: "from an earlier result" })).toBeVisible();

  // The run history holds both runs with their receipts.
  await page.getByRole("button", { name: "Runs and versions" }).click();
  await expect(page.getByRole("dialog").getByRole("listitem")).toHaveCount(2);

  // Coming back to the flow shows its last run on the nodes: the reused image and the new upscale.
  await page.reload();
  await expect(runStatus(generate)).toHaveAttribute("data-status", "reused");
  await expect(runStatus(upscale)).toHaveAttribute("data-status", "done");
  await expect(upscale.getByTestId("node-thumbnail")).toBeVisible();
});
