// npm run bench:flow (its editor half) — the flow editor's frame rate in headless Chromium while
// dragging in a graph of 150 nodes (50 rows of text → generate → upscale, all on screen): one
// node dragged, then the whole graph selected and dragged at once. Frames are counted with
// requestAnimationFrame inside the page while the mouse moves every few milliseconds.
import { createHash, randomBytes } from "node:crypto";
import { chromium, type Page } from "@playwright/test";
import { percentile, startBenchApp } from "./harness";

const ROWS = Number(process.env.BENCH_EDITOR_ROWS || 50);
const SECONDS = Number(process.env.BENCH_EDITOR_SECONDS || 4);
const ROUNDS = Number(process.env.BENCH_EDITOR_ROUNDS || 3);

function graph() {
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  for (let row = 0; row < ROWS; row++) {
    const y = row * 220;
    nodes.push(
      {
        id: `t${row}`,
        type: "text",
        position: { x: 0, y },
        data: { text: `row ${row}: a lighthouse at dawn` },
      },
      {
        id: `g${row}`,
        type: "generate",
        position: { x: 340, y },
        data: { model: "flux-schnell", params: {} },
      },
      {
        id: `u${row}`,
        type: "generate",
        position: { x: 680, y },
        data: { model: "real-esrgan", params: {} },
      },
    );
    edges.push(
      { id: `a${row}`, source: `t${row}`, sourceHandle: "text", target: `g${row}`, targetHandle: "prompt" },
      { id: `b${row}`, source: `g${row}`, sourceHandle: "image", target: `u${row}`, targetHandle: "image" },
    );
  }
  return { nodes, edges };
}

/** Frames drawn while the mouse drags from where it is, in circles, for SECONDS. */
async function dragFor(page: Page, from: { x: number; y: number }): Promise<number[]> {
  // As source text: tsx would wrap a function literal in helpers the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    const tick = (t) => {
      window.__frames.push(t);
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const end = Date.now() + SECONDS * 1000;
  let angle = 0;
  while (Date.now() < end) {
    angle += 0.15;
    await page.mouse.move(from.x + Math.cos(angle) * 120, from.y + Math.sin(angle) * 80);
  }
  await page.mouse.up();
  return page.evaluate<number[]>("(window.__stop = true, window.__frames)");
}

function summarize(frames: number[]) {
  const intervals = frames.slice(1).map((t, i) => t - (frames[i] as number));
  const seconds = ((frames.at(-1) ?? 0) - (frames[0] ?? 0)) / 1000;
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    fps: intervals.length / seconds,
    p95: percentile(sorted, 95),
    long: intervals.filter((ms) => ms > 33).length,
  };
}

const app = await startBenchApp({});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const [row] = await app.sql<{ id: string }[]>`
    insert into profiles (email) values (${`editor-bench-${Date.now()}@example.com`}) returning id`;
  const token = randomBytes(32).toString("base64url");
  await app.sql`
    insert into sessions (user_id, token_hash, expires_at)
    values (${row?.id ?? null}, ${createHash("sha256").update(token).digest("hex")}, now() + interval '1 day')`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: "atelier_session", value: token, url: app.url }]);
  const page = await context.newPage();
  const created = await page.request.post(`${app.url}/api/flows`, {
    data: { name: "bench", graph: graph() },
    headers: { origin: app.url },
  });
  if (created.status() !== 201) throw new Error(`create: ${created.status()} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`${app.url}/flows/${id}`);
  await page
    .locator(".react-flow__node")
    .nth(ROWS * 3 - 1)
    .waitFor();
  await page.waitForTimeout(1000);
  const rendered = await page.locator(".react-flow__node").count();

  const results: Record<string, ReturnType<typeof summarize>[]> = { "one node": [], "all nodes": [] };
  for (let round = 0; round < ROUNDS; round++) {
    const box = await page
      .locator(".react-flow__node-text")
      .first()
      .locator("[data-testid=flow-node] > div")
      .first()
      .boundingBox();
    if (!box) throw new Error("no node on screen");
    results["one node"]?.push(
      summarize(await dragFor(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 })),
    );
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+a");
    const again = await page
      .locator(".react-flow__node-generate")
      .nth(Math.floor(ROWS / 2))
      .boundingBox();
    if (!again) throw new Error("no node on screen");
    results["all nodes"]?.push(
      summarize(await dragFor(page, { x: again.x + again.width / 2, y: again.y + 12 })),
    );
    await page.keyboard.press("Escape");
  }
  for (const [what, runs] of Object.entries(results)) {
    const fps = runs.map((r) => r.fps.toFixed(1)).join(", ");
    const p95 = runs.map((r) => r.p95.toFixed(1)).join(", ");
    console.log(
      `editor, ${rendered} nodes on screen, dragging ${what}: ${fps} fps (rounds of ${SECONDS} s); ` +
        `p95 frame ${p95} ms; frames over 33 ms: ${runs.map((r) => r.long).join(", ")}`,
    );
  }
} finally {
  await browser.close();
  await app.stop();
}
