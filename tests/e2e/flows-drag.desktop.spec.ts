import { expect, type Page, test } from "@playwright/test";
import { signInThroughPage } from "./support/sign-in";

// Dragging a whole selection in the flow editor: every node and edge slides together without
// React Flow redrawing a node on each move, lands where it was dropped, is saved, and one undo
// takes it back.

test.use({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.32" } });

type Box = { x: number; y: number };

const corners = (page: Page) =>
  page.evaluate<Record<string, Box>>(`Object.fromEntries(
    [...document.querySelectorAll(".react-flow__node, .react-flow__edge")].map((el) => {
      const r = el.getBoundingClientRect();
      return [el.getAttribute("data-id"), { x: Math.round(r.x), y: Math.round(r.y) }];
    }))`);

test("a whole selection slides as one, is saved where it lands, and one undo puts it back", async ({
  page,
}, info) => {
  await signInThroughPage(page, `e2e-flow-drag-${info.project.name}-${Date.now()}@example.com`, "/flows");
  await page.getByRole("button", { name: /Text → image → upscale/ }).click();
  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
  const flowId = page.url().split("/").at(-1) as string;
  await expect(page.locator(".react-flow__edge")).toHaveCount(3);
  await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+a");
  const before = await corners(page);
  const readPositions = async () => {
    const res = await page.request.get(`/api/flows/${flowId}`);
    const flow = (await res.json()) as { graph: { nodes: { id: string; position: Box }[] } };
    return Object.fromEntries(flow.graph.nodes.map((n) => [n.id, n.position]));
  };
  const saved = await readPositions();

  // React Flow redraws a node by rewriting its style; count that while the selection moves.
  await page.evaluate(`(() => {
    window.__nodeRedraws = 0;
    window.__observer = new MutationObserver((records) => { window.__nodeRedraws += records.length; });
    for (const el of document.querySelectorAll(".react-flow__node"))
      window.__observer.observe(el, { attributes: true, attributeFilter: ["style"] });
  })()`);
  const header = await page
    .locator(".react-flow__node-generate [data-testid=flow-node] > div")
    .first()
    .boundingBox();
  if (!header) throw new Error("no node on screen");
  const from = { x: header.x + header.width / 2, y: header.y + header.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // The first move starts the drag; the node follows what comes after it.
  await page.mouse.move(from.x + 2, from.y);
  await page.mouse.move(from.x + 62, from.y + 40, { steps: 15 });
  const during = await corners(page);
  const redraws = await page.evaluate<number>("window.__nodeRedraws");
  await page.mouse.up();
  expect(redraws, "nodes redrawn while the selection moved").toBe(0);
  for (const [id, was] of Object.entries(before))
    expect(during[id], `${id} moved with the pointer`).toEqual({ x: was.x + 60, y: was.y + 40 });

  // Dropped: drawn where they landed, nothing left of the slide, and saved there.
  await expect.poll(() => corners(page)).toEqual(during);
  const leftovers = await page.evaluate<string[]>(`[...document.querySelectorAll(
    ".react-flow__nodes, .react-flow__edges, .react-flow__node")].flatMap((el) =>
      el.style.translate || el.style.willChange || el.style.transform.startsWith("translate(") && !el.matches(".react-flow__node") ? [el.className] : [])`);
  expect(leftovers).toEqual([]);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  const zoom = await page.evaluate<number>(
    `Number(/scale\\(([\\d.]+)\\)/.exec(document.querySelector(".react-flow__viewport").style.transform)[1])`,
  );
  const moved = await readPositions();
  for (const [id, was] of Object.entries(saved)) {
    expect(moved[id]?.x).toBeCloseTo(was.x + 60 / zoom, 0);
    expect(moved[id]?.y).toBeCloseTo(was.y + 40 / zoom, 0);
  }

  // One undo: the whole move, at once.
  await page.keyboard.press("Control+z");
  await expect.poll(() => corners(page)).toEqual(before);
});
