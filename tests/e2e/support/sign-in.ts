import { expect, type Page } from "@playwright/test";

type Mailbox = { messages: { text: string }[] };

async function mailbox(page: Page, email: string): Promise<Mailbox["messages"]> {
  const res = await page.request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`);
  return ((await res.json()) as Mailbox).messages;
}

/**
 * The sign-in code that arrives after `sent` messages were already in the mailbox: the dev
 * mailbox API, where a developer reads it too. Waiting for a new message means a second
 * sign-in never picks up the previous, retired code.
 */
export async function codeFor(page: Page, email: string, sent = 0): Promise<string> {
  let code = "";
  await expect
    .poll(async () => {
      const messages = await mailbox(page, email);
      code = messages.length > sent ? (messages[0]?.text.match(/\b(\d{6})\b/)?.[1] ?? "") : "";
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code;
}

/** Signs in through the login page, landing on `next`. */
export async function signInThroughPage(page: Page, email: string, next = "/"): Promise<void> {
  const sent = (await mailbox(page, email)).length;
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByLabel("Code")).toBeVisible();
  await page.getByLabel("Code").fill(await codeFor(page, email, sent));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((url) => url.pathname === next);
}
