import { expect, type Page, test } from "@playwright/test";
import { audit, switchTheme } from "./support/audit";
import { signInThroughPage } from "./support/sign-in";

// A flow as a form: on a desktop, its prompt and image count exposed in the editor and arranged
// under Form; on a phone, a flow that already asks for them. Then, at both sizes, the simple page
// from the flows list: no serious accessibility problems (dark or light), filled in, priced,
// run, its results arriving live.

test.use({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.47" } });

const GRAPH = {
  nodes: [
    { id: "t", type: "text", position: { x: 0, y: 0 }, data: { text: "a red fox in the snow" } },
    { id: "g", type: "generate", position: { x: 360, y: 0 }, data: { model: "flux-schnell", params: {} } },
    { id: "out", type: "output", position: { x: 720, y: 0 }, data: {} },
  ],
  edges: [
    { id: "e1", source: "t", sourceHandle: "text", target: "g", targetHandle: "prompt" },
    { id: "e2", source: "g", sourceHandle: "image", target: "out", targetHandle: "image" },
  ],
};
const INPUTS = [
  { id: "prompt", node_id: "t", field: "text", label: "Describe it" },
  { id: "num_outputs", node_id: "g", field: "params.num_outputs", label: "Number of images" },
];

async function createFlow(page: Page, name: string, withInputs: boolean): Promise<string> {
  const created = await page.request.post("/api/flows", {
    data: { name, graph: withInputs ? { ...GRAPH, inputs: INPUTS } : GRAPH },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** Selects a node by its title, leaving its fields alone (and whatever was selected before). */
async function select(page: Page, type: string, title: string) {
  await page.keyboard.press("Escape");
  await page.locator(`.react-flow__node-${type}`).getByText(title, { exact: true }).first().click();
  await expect(page.getByRole("complementary", { name: "Selected node" })).toBeVisible();
}

/** The editor's way: tick the fields in each node's settings, then name and order them under Form. */
async function exposeInEditor(page: Page, flowId: string, screenshot: string) {
  await page.goto(`/flows/${flowId}`);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  const settings = page.getByRole("complementary", { name: "Selected node" });
  await select(page, "text", "Text");
  await settings.getByRole("checkbox", { name: "Ask for Text in the form" }).check();
  await expect(settings.getByText("prompt", { exact: true })).toBeVisible();
  await select(page, "generate", "Generate");
  await settings.getByRole("checkbox", { name: "Ask for Number of images in the form" }).check();

  await page.getByRole("button", { name: /^Form/ }).click();
  const panel = page.getByRole("dialog", { name: "Form" });
  const rows = panel.getByTestId("form-input");
  await expect(rows).toHaveCount(2);
  await rows.first().getByLabel("Label").fill("Describe it");
  // A name a script could not send is not taken.
  await rows.first().getByLabel("Name in the API").fill("my prompt");
  await expect(rows.first().getByText(/Letters, digits and _ only/)).toBeVisible();
  await rows.first().getByLabel("Name in the API").fill("prompt");
  await rows.nth(1).getByRole("button", { name: "Move Number of images up" }).click();
  await expect(rows.first()).toContainText("Number of images");
  await rows.first().getByRole("button", { name: "Move Number of images down" }).click();
  await expect(rows.first()).toContainText("Text");
  await page.screenshot({ path: screenshot });
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  const saved = (await (await page.request.get(`/api/flows/${flowId}`)).json()) as {
    graph: { inputs: unknown };
  };
  expect(saved.graph.inputs).toEqual(INPUTS);
}

test("a flow's simple form: found from the list, filled in, priced, run, its results live and there on return", async ({
  page,
  isMobile,
}, info) => {
  test.slow(); // a run on the emulator, an accessibility audit
  const name = `Fox form ${info.project.name} ${Date.now()}`;
  await signInThroughPage(page, `e2e-simple-${info.project.name}-${Date.now()}@example.com`, "/flows");
  const flowId = await createFlow(page, name, isMobile);
  if (!isMobile) await exposeInEditor(page, flowId, info.outputPath("form-panel.png"));
  await page.goto("/flows");
  await page.getByRole("link", { name: `Run ${name} from its form` }).click();
  await expect(page).toHaveURL(new RegExp(`/flows/${flowId}/run$`));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await switchTheme(page, "dark");
  const problems = await audit(page, `/flows/${flowId}/run`);
  await page.screenshot({ path: info.outputPath(`simple-form-dark-${info.project.name}.png`) });
  await switchTheme(page, "light");
  problems.push(...(await audit(page, `/flows/${flowId}/run`)));
  expect(problems).toEqual([]);
  const prompt = page.getByLabel("Describe it");
  await expect(prompt).toHaveValue("a red fox in the snow");
  await expect(page.getByTestId("simple-run-price")).toHaveText("1 credit");
  await page.screenshot({ path: info.outputPath(`simple-form-${info.project.name}.png`), fullPage: true });

  // A value the form refuses is named beside its field, and nothing runs.
  await page.getByLabel("Number of images").fill("9");
  await expect(page.getByTestId("simple-run-price")).toHaveText("—");
  await page.getByTestId("simple-run-button").click();
  await expect(page.getByText("must be at most 4")).toBeVisible();

  await prompt.fill(`a lighthouse at dusk, ${info.project.name}`);
  await page.getByLabel("Number of images").fill("2");
  await expect(page.getByTestId("simple-run-price")).toHaveText("2 credits");
  const started = page.waitForResponse(
    (res) => new URL(res.url()).pathname === `/api/v1/flows/${flowId}/runs`,
  );
  await page.getByTestId("simple-run-button").click();
  expect((await started).status()).toBe(202);
  await expect(page).toHaveURL(/\?run=[0-9a-f-]{36}$/);

  const run = page.getByTestId("simple-run");
  await expect(run).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  await expect(run.getByTestId("node-thumbnail")).toHaveCount(2);
  await expect(run.getByRole("status")).toContainText("2 credits charged");
  // The same inputs again would reuse what was just made.
  await expect(page.getByTestId("simple-run-price")).toHaveText("0 credits");
  await page.screenshot({ path: info.outputPath(`simple-run-${info.project.name}.png`), fullPage: true });

  // The run's address shows it again after a reload.
  await page.reload();
  await expect(page.getByTestId("simple-run")).toHaveAttribute("data-status", "completed");
  // Coming back to the form later shows the flow's latest run.
  await page.goto(`/flows/${flowId}/run`);
  await expect(page.getByTestId("simple-run")).toHaveAttribute("data-status", "completed");
  await expect(page.getByTestId("simple-run").getByTestId("node-thumbnail")).toHaveCount(2);
});
