import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions } from "@playwright/test";
import { signInThroughPage } from "./sign-in";

export const ADMIN_EMAIL = "admin@example.com";

/**
 * A browser signed in as the admin. The first call signs in through the page and keeps the
 * session beside the run's mail file; later calls in the same run reuse it, since every spec
 * signing the admin in again would soon meet the per-address limit on sign-in codes.
 */
export async function adminContext(
  browser: Browser,
  options: BrowserContextOptions,
): Promise<BrowserContext> {
  const mailFile = process.env.E2E_MAIL_FILE;
  if (!mailFile) throw new Error("E2E_MAIL_FILE is not set: run through playwright.config.ts");
  const state = path.join(path.dirname(mailFile), "admin-session.json");
  if (existsSync(state)) return browser.newContext({ ...options, storageState: state });
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signInThroughPage(page, ADMIN_EMAIL, "/");
  await context.storageState({ path: state });
  await page.close();
  return context;
}
