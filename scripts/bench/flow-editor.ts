// npm run bench:flow (its editor half) — the flow editor's frame rate in headless Chromium while
// dragging in a graph of 150 nodes (50 rows of text → generate → upscale, the fitted view at its
// minimum zoom): one node dragged, then the whole graph selected and dragged at once. Frames are
// counted with requestAnimationFrame inside the page, and pointer moves handled with a listener,
// while the mouse circles the canvas's middle (never near an edge, where the view would pan);
// each round checks the node followed the pointer and that one undo takes the drag back.
import { createHash, randomBytes } from "node:crypto";
import { type CDPSession, chromium, type Page } from "@playwright/test";
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

/** Frames, pointer moves handled, and the renderer's main thread: busy time and CPU time, in ms. */
type Round = { frames: number[]; moves: number; busyMs: number; cpuMs: number };

/** The renderer's main thread so far (Chromium's Performance domain): task time and CPU time, in ms. */
async function mainThread(cdp: CDPSession): Promise<{ busy: number; cpu: number }> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { busy: value("TaskDuration"), cpu: value("ThreadTime") };
}

const off = (a: { x: number; y: number } | null, b: { x: number; y: number }) =>
  a ? Math.hypot(a.x - b.x, a.y - b.y) : Number.POSITIVE_INFINITY;

/** The middle of the header of the node nearest the canvas's centre: away from its edges, so
 * a drag there never auto-pans the view, and away from the fields, which do not drag. */
async function grabPoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate<{ x: number; y: number }>(`(() => {
    const canvas = document.querySelector(".react-flow").getBoundingClientRect();
    const cx = canvas.x + canvas.width / 2, cy = canvas.y + canvas.height / 2;
    let best = null, bestDistance = Infinity;
    for (const header of document.querySelectorAll(".react-flow__node [data-testid=flow-node] > div:first-child")) {
      const r = header.getBoundingClientRect();
      const x = r.x + r.width / 2, y = r.y + r.height / 2;
      const d = Math.hypot(x - cx, y - cy);
      if (d < bestDistance) { bestDistance = d; best = { x, y }; }
    }
    return best;
  })()`);
}

/** Where the element at a point is drawn (its top left corner), moves included. */
const cornerAt = (page: Page, at: { x: number; y: number }) =>
  page.evaluate<{ x: number; y: number }>(`(() => {
    const node = document.elementFromPoint(${at.x}, ${at.y})?.closest(".react-flow__node");
    const r = node.getBoundingClientRect();
    return { x: r.x, y: r.y };
  })()`);

/**
 * Frames drawn and pointer moves handled while the mouse drags from `from`, in circles, for
 * SECONDS. Checks that the grabbed node followed the pointer, and that one undo puts it back.
 */
async function dragFor(page: Page, cdp: CDPSession, from: { x: number; y: number }): Promise<Round> {
  const before = await cornerAt(page, from);
  // As source text: tsx would wrap a function literal in helpers the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__moves = 0;
    window.__stop = false;
    if (!window.__counting) {
      window.__counting = true;
      window.addEventListener("mousemove", () => window.__moves++, true);
    }
    const tick = (t) => {
      window.__frames.push(t);
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const thread = await mainThread(cdp);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // React Flow starts the drag on the first move and moves the node by what follows it.
  const started = { x: from.x + 3, y: from.y };
  await page.mouse.move(started.x, started.y);
  const end = Date.now() + SECONDS * 1000;
  let angle = 0;
  let at = from;
  while (Date.now() < end) {
    angle += 0.15;
    at = { x: from.x + Math.cos(angle) * 120, y: from.y + Math.sin(angle) * 80 };
    await page.mouse.move(at.x, at.y);
  }
  // Where the grabbed node is once the last move has been drawn.
  const expected = { x: before.x + at.x - started.x, y: before.y + at.y - started.y };
  let moved: { x: number; y: number } | null = null;
  for (let i = 0; i < 20 && off(moved, expected) > 2; i++) {
    await page.waitForTimeout(50);
    moved = await page.evaluate<{ x: number; y: number } | null>(`(() => {
      const r = document.querySelector(".react-flow__node.dragging")?.getBoundingClientRect();
      return r ? { x: r.x, y: r.y } : null;
    })()`);
  }
  await page.mouse.up();
  const { frames, moves } = await page.evaluate<{ frames: number[]; moves: number }>(
    "(window.__stop = true, { frames: window.__frames, moves: window.__moves })",
  );
  const after = await mainThread(cdp);
  if (off(moved, expected) > 2)
    throw new Error(
      `the grabbed node did not follow the pointer: ${JSON.stringify({ before, moved, from, at })}`,
    );
  await page.keyboard.press("Control+z");
  await page.waitForTimeout(300);
  if (off(await cornerAt(page, from), before) > 2) throw new Error("one undo did not take the drag back");
  return { frames, moves, busyMs: after.busy - thread.busy, cpuMs: after.cpu - thread.cpu };
}

function summarize({ frames, moves, busyMs, cpuMs }: Round) {
  const intervals = frames.slice(1).map((t, i) => t - (frames[i] as number));
  const seconds = ((frames.at(-1) ?? 0) - (frames[0] ?? 0)) / 1000;
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    fps: intervals.length / seconds,
    moves: moves / seconds,
    /** Main-thread CPU per pointer move: what one step of the drag costs an unshared core. */
    cpuPerMove: cpuMs / Math.max(1, moves),
    busy: busyMs / 10 / seconds,
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
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const created = await page.request.post(`${app.url}/api/flows`, {
    data: { name: "bench", graph: graph() },
    headers: { origin: app.url },
  });
  if (created.status() !== 201) throw new Error(`create: ${created.status()} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`${app.url}/flows/${id}`);
  // Only the nodes in view are drawn (React Flow's onlyRenderVisibleElements).
  await page.locator(".react-flow__node").first().waitFor();
  await page.waitForTimeout(1500);
  const rendered = await page.locator(".react-flow__node").count();

  const results: Record<string, ReturnType<typeof summarize>[]> = { "one node": [], "all nodes": [] };
  for (let round = 0; round < ROUNDS; round++) {
    results["one node"]?.push(summarize(await dragFor(page, cdp, await grabPoint(page))));
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+a");
    results["all nodes"]?.push(summarize(await dragFor(page, cdp, await grabPoint(page))));
    await page.keyboard.press("Escape");
  }
  for (const [what, runs] of Object.entries(results)) {
    const list = (pick: (r: (typeof runs)[number]) => number) =>
      runs.map((r) => pick(r).toFixed(1)).join(", ");
    console.log(
      `editor, ${ROWS * 3} nodes (${rendered} in view), dragging ${what}: ${list((r) => r.fps)} fps (rounds of ${SECONDS} s); ` +
        `pointer moves handled ${list((r) => r.moves)}/s; p95 frame ${list((r) => r.p95)} ms; ` +
        `frames over 33 ms: ${runs.map((r) => r.long).join(", ")}; main thread busy ${list((r) => r.busy)} %, ` +
        `CPU ${list((r) => r.cpuPerMove)} ms per move`,
    );
  }
} finally {
  await browser.close();
  await app.stop();
}
