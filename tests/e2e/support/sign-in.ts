import { expect, type Page } from "@playwright/test";

/** The newest sign-in code for an address, from the dev mailbox API. */
export async function codeFor(page: Page, email: string): Promise<string> {
  let code = "";
  await expect
    .poll(async () => {
      const res = await page.request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`);
      const body = (await res.json()) as { messages: { text: string }[] };
      code = body.messages[0]?.text.match(/\b(\d{6})\b/)?.[1] ?? "";
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code;
}

/** Signs in through the login page, landing on `next`. */
export async function signInThroughPage(page: Page, email: string, next = "/"): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByLabel("Code").fill(await codeFor(page, email));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next === "/" ? "/$" : next.replace(/\//g, "\\/")}`));
}
