import { expect, type Page, test } from "@playwright/test";
import { audit, switchTheme, THEMES } from "./support/audit";
import { signInThroughPage } from "./support/sign-in";

// axe-core on every page a person or an admin reaches, in both themes: serious and critical
// violations (contrast, names, landmarks, headings) fail the run with what and where.

const ADMIN_PAGES = [
  "/admin/users",
  "/admin/generations",
  "/admin/models",
  "/admin/usage",
  "/admin/settings",
  "/admin/audit",
];

/** One completed generation, so /result/[id] has media and actions to check. */
async function oneResult(page: Page): Promise<string> {
  const created = await page.request.post("/api/generations/create", {
    data: { model: "flux-schnell", input: { prompt: "a red fox in a snowy forest" } },
    headers: { origin: new URL(page.url()).origin },
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

/** A flow made from a starter, so the editor is checked with nodes, handles and prices on it. */
async function oneFlow(page: Page): Promise<string> {
  const created = await page.request.post("/api/flows", {
    data: { template: "text-image-upscale" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

// One client address for this file, so its sign-ins do not use up the suite's shared limit.
test.use({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.11" } });

test("pages a person sees have no serious accessibility problems, light or dark", async ({ page }, info) => {
  test.setTimeout(360_000); // twenty pages, each waited for and audited
  const problems = [...(await audit(page, "/")), ...(await audit(page, "/login"))];
  await signInThroughPage(page, `e2e-a11y-${info.project.name}-${Date.now()}@example.com`, "/create");
  const id = await oneResult(page);
  const flow = await oneFlow(page);
  for (const theme of THEMES) {
    await switchTheme(page, theme);
    for (const path of [
      "/",
      "/create",
      "/video",
      "/flows",
      `/flows/${flow}`,
      "/history",
      `/result/${id}`,
      "/profile",
      "/profile/webhooks",
      "/credits",
    ])
      problems.push(...(await audit(page, path)));
  }
  await page.context().clearCookies();
  await switchTheme(page, "dark");
  problems.push(...(await audit(page, "/")), ...(await audit(page, "/login")));
  expect(problems).toEqual([]);
});

test("the admin console has no serious accessibility problems, light or dark", async ({ page }) => {
  test.slow(); // twelve pages, each waited for and audited
  // An admin of its own (tests/e2e/global-setup.ts), one sign-in for both themes.
  await signInThroughPage(page, "auditor@example.com", "/admin/users");
  // Something in the audit log, so its entries are checked too (not only its empty state).
  const saved = await page.request.put("/api/admin/settings/daily_generation_cap", {
    data: { value: 500 },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(saved.status()).toBe(200);
  const problems: string[] = [];
  for (const theme of THEMES) {
    await switchTheme(page, theme);
    for (const path of ADMIN_PAGES) problems.push(...(await audit(page, path)));
  }
  expect(problems).toEqual([]);
});
