import { expect, type Page } from "@playwright/test";
import { latestSignInCode, readMailFile } from "../../helpers/mail-capture";

// The app mails codes over SMTP to the capture server of tests/e2e/global-setup.ts, which
// writes each message as a JSON line to this file: the workers read it from there.
function mailFile(): string {
  const file = process.env.E2E_MAIL_FILE;
  if (!file) throw new Error("E2E_MAIL_FILE is not set: run through playwright.config.ts");
  return file;
}

function mailTo(email: string) {
  return readMailFile(mailFile(), email);
}

/**
 * The sign-in code that arrives after `sent` messages were already delivered to the address.
 * Waiting for a new message means a second sign-in never picks up the previous, retired code.
 */
export async function codeFor(_page: Page, email: string, sent = 0): Promise<string> {
  let code = "";
  await expect
    .poll(() => {
      const messages = mailTo(email);
      code = messages.length > sent ? (latestSignInCode(messages) ?? "") : "";
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code;
}

/** Signs in through the login page, landing on `next`. */
export async function signInThroughPage(page: Page, email: string, next = "/"): Promise<void> {
  const sent = mailTo(email).length;
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByLabel("Code")).toBeVisible();
  await page.getByLabel("Code").fill(await codeFor(page, email, sent));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((url) => url.pathname === next);
}
