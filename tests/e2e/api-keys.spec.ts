import { expect, test } from "@playwright/test";
import { signInThroughPage } from "./support/sign-in";

// A person makes an API key on /profile, sees it exactly once, uses it from a script, and
// revokes it; on a laptop and on a phone.

test.use({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.41" } });

test("create a key on /profile, see it once, use it, revoke it", async ({ page, playwright }, info) => {
  await signInThroughPage(page, `e2e-keys-${info.project.name}-${Date.now()}@example.com`, "/profile");
  const form = page.getByRole("form", { name: "Create an API key" });
  await form.getByLabel("Key name").fill("render farm");
  await form.getByRole("checkbox", { name: /Run flows/ }).check();
  await form.getByRole("button", { name: "Create key" }).click();

  const shown = page.getByRole("region", { name: "New key “render farm”" });
  await expect(shown).toBeVisible();
  const key = (await shown.getByTestId("shown-once-value").textContent())?.trim() ?? "";
  expect(key).toMatch(/^atk_[A-Za-z0-9_-]{43}$/);
  await expect(shown.getByRole("button", { name: /Copy/ })).toBeVisible();

  const list = page.getByRole("list", { name: "Your API keys" });
  await expect(list.getByText("render farm")).toBeVisible();
  await expect(list.getByText(`${key.slice(0, 12)}…`)).toBeVisible();
  await expect(list.getByText("never used")).toBeVisible();

  // Dismissed, the key is gone for good: not on the page, not after a reload.
  await shown.getByRole("button", { name: "I have copied it" }).click();
  await expect(shown).toBeHidden();
  await page.reload();
  await expect(list.getByText("render farm")).toBeVisible();
  expect(await page.content()).not.toContain(key);

  // A script with only the key (no cookies) is who the key says.
  const script = await playwright.request.newContext({
    baseURL: info.project.use.baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
  expect((await script.get("/api/me")).status()).toBe(200);
  await page.reload();
  await expect(list.getByText(/last used/)).toBeVisible();

  await list.getByRole("button", { name: "Revoke render farm" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(list.getByText("Revoked")).toBeVisible();
  expect((await script.get("/api/me")).status()).toBe(401);
  await script.dispose();
});
