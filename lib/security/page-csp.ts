// The Content-Security-Policy of HTML pages, built per request around a fresh nonce.
// middleware.ts puts it on the request (Next reads the nonce from there and stamps it on its
// own scripts) and on the response (the browser enforces it).
import type { Env } from "@/lib/env";

export type PageCspOptions = {
  nonce: string;
  /** `next dev` evaluates code for its error overlay and server stacks; production never does. */
  development: boolean;
  /** Production served over https: any stray http:// subresource is fetched over https. */
  upgradeInsecureRequests: boolean;
  /** Public origin of the app (APP_URL): locally signed file URLs are absolute on it. */
  appUrl?: string;
  /** Supabase project: signed Storage URLs, Auth and Realtime. */
  supabaseUrl?: string;
  /** The Telegram Login Widget: a script from telegram.org that opens an iframe on oauth.telegram.org. */
  telegramWidget: boolean;
};

const TELEGRAM_SCRIPT_ORIGIN = "https://telegram.org";
const TELEGRAM_FRAME_ORIGIN = "https://oauth.telegram.org";

export function buildPageCsp(options: PageCspOptions): string {
  const app = originOf(options.appUrl);
  const supabase = originOf(options.supabaseUrl);
  const media = unique(["'self'", "data:", "blob:", app, supabase]);
  const directives: [string, ...(string | undefined)[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts that a nonce-bearing script loads (Next's chunks, the Telegram
    // widget) are trusted, so no host list is needed; browsers without it fall back to 'self'
    // and the listed hosts.
    [
      "script-src",
      "'self'",
      `'nonce-${options.nonce}'`,
      "'strict-dynamic'",
      // Only `next dev` evaluates strings. The Telegram widget would too, for a `data-onauth`
      // callback, which is why it runs in its redirect mode (components/auth/telegram-login.tsx).
      options.development ? "'unsafe-eval'" : undefined,
      options.telegramWidget ? TELEGRAM_SCRIPT_ORIGIN : undefined,
    ],
    // Inline styles stay allowed: React renders `style` attributes into the server HTML and
    // Radix's scroll lock injects a <style> element without a nonce. CSS cannot run script;
    // script-src above is what stops injected code.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", ...media],
    ["media-src", ...media],
    ["font-src", "'self'"],
    ["connect-src", "'self'", supabase, supabase?.replace(/^http/, "ws")],
    ["frame-src", options.telegramWidget ? TELEGRAM_FRAME_ORIGIN : "'none'"],
    // The service worker (/serwist/sw.js). Without this, workers fall back to script-src,
    // where 'strict-dynamic' voids 'self' and a registration carries no nonce: it would be refused.
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    // No form posts off-site: OAuth sign-in leaves by a script navigation, not a form.
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (options.upgradeInsecureRequests) directives.push(["upgrade-insecure-requests"]);
  return directives.map((parts) => parts.filter(Boolean).join(" ")).join("; ");
}

/** The policy's settings for this deployment, from the validated environment. */
export function pageCspOptions(
  env: Pick<Env, "NODE_ENV" | "APP_URL" | "NEXT_PUBLIC_SUPABASE_URL" | "TELEGRAM_BOT_USERNAME">,
  nonce: string,
): PageCspOptions {
  return {
    nonce,
    development: env.NODE_ENV === "development",
    upgradeInsecureRequests:
      env.NODE_ENV === "production" && originOf(env.APP_URL)?.startsWith("https:") === true,
    appUrl: env.APP_URL,
    supabaseUrl: env.NEXT_PUBLIC_SUPABASE_URL,
    telegramWidget: Boolean(env.TELEGRAM_BOT_USERNAME),
  };
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { origin } = new URL(url);
    return origin === "null" ? undefined : origin;
  } catch {
    return undefined;
  }
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))];
}
