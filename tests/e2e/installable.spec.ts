import { expect, test } from "@playwright/test";

// What a browser needs to offer "Install app": a linked manifest with a name, a start URL, a
// standalone display and 192 and 512 px icons, and a registered service worker controlling the
// page. Offline, a page navigation gets the offline page; API answers are never cached.

test.use({ serviceWorkers: "allow" });

type Manifest = {
  name: string;
  start_url: string;
  display: string;
  theme_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
};

test("the manifest and its icons meet the install criteria", async ({ page, request }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const res = await request.get(href ?? "");
  expect(res.status()).toBe(200);
  const manifest = (await res.json()) as Manifest;
  expect(manifest).toMatchObject({ name: "Atelier", start_url: "/", display: "standalone" });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  for (const size of ["192x192", "512x512"]) {
    const icon = manifest.icons.find(
      (i) => i.sizes === size && i.type === "image/png" && i.purpose !== "maskable",
    );
    expect(icon, size).toBeTruthy();
    const image = await request.get(icon?.src ?? "");
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
  }
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
});

test("a service worker controls the page, and offline navigations get the offline page", async ({
  page,
  context,
}) => {
  await page.goto("/login");
  const worker = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { script: registration.active?.scriptURL ?? "", scope: registration.scope };
  });
  expect(new URL(worker.script).pathname).toBe("/serwist/sw.js");
  expect(new URL(worker.scope).pathname).toBe("/");
  // Controlled from the next load on (clientsClaim takes over at once, but be explicit).
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.request.get("/api/health");
  await page.evaluate(() => fetch("/api/models").then((r) => r.text()));

  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  expect(cached).toContain("/offline.html");
  expect(cached.filter((path) => path.startsWith("/api/"))).toEqual([]);

  await context.setOffline(true);
  await page.goto("/history").catch(() => {});
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await context.setOffline(false);
});
