// npm run audit:lighthouse — Lighthouse's best-practices and accessibility categories on the
// production build (`npm run build` first), signed out and signed in, in the system Chromium.
// AUDIT_PUBLIC_PAGES are audited signed out, AUDIT_PAGES signed in. An audit, not a test: it
// prints the scores and every audit that did not pass.
import { createHash, randomBytes } from "node:crypto";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { startBenchApp } from "../bench/harness";
import { providerUrlsOf, startEmulator } from "../emulator/server";
import { seedAccount } from "./seed";

const CATEGORIES = ["best-practices", "accessibility"] as const;
const PUBLIC_PAGES = (process.env.AUDIT_PUBLIC_PAGES || "/login,/docs,/docs/api").split(",").filter(Boolean);
const SIGNED_IN_PAGES = (process.env.AUDIT_PAGES || "/,/create,/history,/flows,/docs")
  .split(",")
  .filter(Boolean);

type PageScores = {
  page: string;
  signedIn: boolean;
  scores: Record<string, number | null>;
  failures: string[];
  /** Unscored "trust and safety" checks (CSP, HSTS, framing, isolation): what each still notes. */
  notes: string[];
};

const emulator = await startEmulator({ port: 0, speedFactor: 0.2 });
const app = await startBenchApp({
  ...providerUrlsOf(emulator),
});
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const cookie = `atelier_session=${await createSession()}`;
  const results: PageScores[] = [];
  for (const page of PUBLIC_PAGES) results.push(await audit(page, {}));
  for (const page of SIGNED_IN_PAGES) results.push(await audit(page, { Cookie: cookie }));

  console.log(`\nLighthouse ${new Date().toISOString().slice(0, 10)}, ${CATEGORIES.join(" / ")}:`);
  for (const { page, signedIn, scores, failures, notes } of results) {
    const figures = CATEGORIES.map((category) => scores[category]?.toFixed(2) ?? "n/a").join(" / ");
    console.log(`  ${`${page}${signedIn ? " (signed in)" : ""}`.padEnd(24)} ${figures}`);
    for (const failure of failures) console.log(`      ${failure}`);
    for (const note of notes) console.log(`      ${note}`);
  }
} finally {
  chrome?.kill();
  await app.stop();
  await emulator.close();
}

/** A signed-in user straight in the database, as the list benchmark makes its pollers, with some history. */
async function createSession(): Promise<string> {
  const [user] = await app.sql<{ id: string }[]>`
    insert into profiles (email, display_name) values ('lighthouse@example.com', 'Lighthouse') returning id`;
  const token = randomBytes(32).toString("base64url");
  await app.sql`
    insert into sessions (user_id, token_hash, expires_at)
    values (${user?.id ?? null}, ${createHash("sha256").update(token).digest("hex")}, now() + interval '1 hour')`;
  await seedAccount(app, user?.id as string, token);
  return token;
}

async function audit(page: string, extraHeaders: Record<string, string>): Promise<PageScores> {
  if (!chrome) throw new Error("Chromium is not running");
  const runner = await lighthouse(
    `${app.url}${page}`,
    {
      port: chrome.port,
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      // Scores here do not depend on network speed: skip the simulated slow connection.
      throttlingMethod: "provided",
      extraHeaders,
    },
    desktopConfig,
  );
  if (!runner) throw new Error(`Lighthouse returned nothing for ${page}`);
  const { lhr } = runner;
  if (lhr.runtimeError) throw new Error(`${page}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  // A lost session would quietly audit the sign-in page instead.
  const landed = new URL(lhr.finalDisplayedUrl).pathname;
  if (landed !== page) throw new Error(`${page} ended on ${landed}`);
  const scores: Record<string, number | null> = {};
  const failures: string[] = [];
  for (const category of CATEGORIES) {
    scores[category] = lhr.categories[category]?.score ?? null;
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const result = lhr.audits[ref.id];
      if (!result || result.score === null || result.score >= 1 || ref.weight === 0) continue;
      failures.push(`- ${category}: ${result.title} (${result.id}, score ${result.score})`);
      for (const node of nodesOf(result.details).slice(0, 5)) failures.push(`    ${node}`);
    }
  }
  const notes = (lhr.categories["best-practices"]?.auditRefs ?? [])
    .filter((ref) => ref.group === "best-practices-trust-safety" && ref.weight === 0)
    .flatMap((ref) => {
      const items = (lhr.audits[ref.id]?.details as { items?: { description?: unknown }[] } | undefined)
        ?.items;
      const said = (items ?? []).map((item) =>
        typeof item.description === "string" ? item.description : "…",
      );
      return said.length ? [`· ${ref.id}: ${said.join(" | ")}`] : [];
    });
  return { page, signedIn: "Cookie" in extraHeaders, scores, failures, notes };
}

/**
 * Where an audit failed: "selector: why" for audits that point at elements, the message and its
 * source for console errors, the kind of issue for the Issues panel.
 */
function nodesOf(details: unknown): string[] {
  const items = (details as { items?: unknown[] } | undefined)?.items ?? [];
  return items.flatMap((item) => {
    const { node, description, sourceLocation, issueType, subItems } = item as {
      node?: { selector?: string; snippet?: string; explanation?: string };
      description?: string;
      sourceLocation?: { url?: string };
      issueType?: string;
      subItems?: { items?: unknown[] };
    };
    if (node) {
      const why = node.explanation?.split("\n").at(-1)?.trim();
      return [`${node.selector ?? node.snippet}${why ? `: ${why}` : ""}`];
    }
    if (description)
      return [`${description.slice(0, 300)}${sourceLocation?.url ? ` (${sourceLocation.url})` : ""}`];
    if (!issueType) return [];
    const first = subItems?.items?.[0];
    return [`${issueType}${first ? `: ${JSON.stringify(first).slice(0, 300)}` : ""}`];
  });
}
