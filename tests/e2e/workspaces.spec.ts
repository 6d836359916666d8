import { expect, type Page, test } from "@playwright/test";
import { zipEntries } from "../helpers/zip";
import { signInThroughPage } from "./support/sign-in";

// A session from start to finish, then the gallery: three images in a new session, two
// iterations of the second one (the tree branches there), a search by a word of the prompts,
// two of them downloaded as a zip, one deleted and restored from the trash.

async function generate(page: Page, prompt: string) {
  const box = page.getByRole("textbox", { name: /Prompt|What should change/ });
  await box.fill(prompt);
  await box.press("ControlOrMeta+Enter");
  await expect(box).toHaveValue("");
}

test("a session branches, and the gallery finds, downloads, trashes and restores", async ({ page }, info) => {
  test.setTimeout(180_000);
  const word = `quokka${info.project.name}${Date.now().toString(36)}`;
  await signInThroughPage(page, `e2e-session-${info.project.name}-${Date.now()}@example.com`, "/workspaces");

  await page.getByRole("button", { name: "New session" }).click();
  await expect(page).toHaveURL(/\/workspaces\/[0-9a-f-]{36}$/);
  const title = page.getByLabel("Session title");
  await expect(title).toHaveValue("Untitled session");
  const oneLine = (await title.boundingBox())?.height ?? 0;
  for (const n of ["one", "two", "three"]) await generate(page, `${word} teapot number ${n}`);
  const nodes = page.getByTestId("session-node");
  await expect(nodes).toHaveCount(3, { timeout: 30_000 });
  for (const node of await nodes.all())
    await expect(node).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  // The session started empty is named by its first prompt.
  await expect(title).toHaveValue(`${word} teapot number one`);

  // Iterate twice from the second image: both land under it.
  const second = page.getByTestId("session-tree").locator(":scope > li").nth(1);
  for (const change of ["make it night", "make it snow"]) {
    await second
      .getByTestId("session-node")
      .first()
      .getByRole("button", { name: "Iterate from here" })
      .click();
    await expect(page.getByTestId("iterate-from")).toBeVisible();
    await generate(page, change);
  }
  const branch = second.locator(":scope > ol > li");
  await expect(branch).toHaveCount(2, { timeout: 30_000 });
  for (const child of await branch.all())
    await expect(child.getByTestId("session-node")).toHaveAttribute("data-status", "completed", {
      timeout: 30_000,
    });
  await expect(page.getByTestId("session-announcer")).toContainText("Done");
  // Done iterating, a prompt from scratch goes back to the model picked for that.
  await expect(page.getByLabel("Model")).toHaveValue("flux-schnell");

  // A long title wraps instead of hiding its end, and Enter saves it.
  const longTitle = `${word} teapots, from the first sketch to the snowy night, all of them`;
  await title.fill(longTitle);
  await title.press("Enter");
  await expect(title).not.toBeFocused();
  if (info.project.name === "phone")
    expect((await title.boundingBox())?.height).toBeGreaterThan(oneLine * 1.5);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(longTitle);

  // An iteration's result page shows where it came from; the parent is a click away.
  await branch
    .first()
    .getByRole("link", { name: /Open result/ })
    .click();
  const lineage = page.getByTestId("lineage-graph");
  await expect(lineage).toBeVisible();
  await lineage.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/result\//);
  await expect(page.getByText(`${word} teapot number two`).first()).toBeVisible();
  await expect(page.getByTestId("lineage-graph").getByRole("link")).toHaveCount(2);

  // The gallery finds the three by a word of their prompts.
  await page.goto("/history");
  await page.getByRole("searchbox", { name: "Search prompts" }).fill(word);
  await page.getByRole("searchbox", { name: "Search prompts" }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  const tiles = page.getByTestId("generation-tile");
  await expect(tiles).toHaveCount(3);

  // Two of them as a zip.
  const boxes = page.getByTitle("Select (Shift-click for a range)");
  await boxes.nth(0).click();
  await boxes.nth(1).click();
  await expect(page.getByText("2 selected")).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^atelier-\d{4}-\d{2}-\d{2}\.zip$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const entries = await zipEntries(Buffer.concat(chunks));
  expect(
    [...entries.keys()].filter(
      (name) => name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".webp"),
    ),
  ).toHaveLength(2);
  expect(entries.get("manifest.json")?.toString()).toContain(word);

  // One to the trash, and back.
  await page.getByRole("button", { name: "Clear selection" }).click();
  await boxes.nth(0).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Moved to the trash: 1 item.")).toBeVisible();
  await expect(tiles).toHaveCount(2);
  await page.getByRole("link", { name: "Trash" }).click();
  await expect(tiles).toHaveCount(1);
  await boxes.nth(0).click();
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("Restored 1 item.")).toBeVisible();
  await expect(tiles).toHaveCount(0);
  await page.getByRole("link", { name: "All" }).click();
  await expect(tiles).toHaveCount(3);
});
