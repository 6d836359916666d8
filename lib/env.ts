// Validated environment and the runtime mode derived from it, computed once per process.
// Imported by next.config.js, so a bad env fails `dev`/`build` with a readable message.
// Keep this file free of non-erasable TypeScript: Node loads it directly from next.config.js.
import { isIP } from "node:net";
import { z } from "zod";

const emptyAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const optionalString = z.preprocess(emptyAsUnset, z.string().optional());
const optionalUrl = z.preprocess(emptyAsUnset, z.url().optional());
const port = (fallback: number) =>
  z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(65535).default(fallback));
/** A comma list of entries, trimmed, empties dropped; `normalize` maps each entry. */
const commaList = (normalize: (entry: string) => string = (entry) => entry) =>
  z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((entry) => normalize(entry.trim()))
        .filter(Boolean),
    );
const emailList = z.preprocess(
  emptyAsUnset,
  commaList((email) => email.toLowerCase()),
);

const smtpUrl = z.preprocess(
  emptyAsUnset,
  z
    .url()
    .refine(
      (value) => /^smtps?:$/.test(new URL(value).protocol) && new URL(value).hostname !== "",
      "must be smtp://user:pass@host:587 or smtps://user:pass@host:465",
    )
    .optional(),
);

// An IP address, or a CIDR block of them (10.0.0.0/8, fd00::/8).
function isIpOrCidr(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
const proxyList = z.preprocess(
  emptyAsUnset,
  commaList().refine(
    (entries) => entries.every(isIpOrCidr),
    "must be a comma list of IP addresses or CIDR blocks",
  ),
);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set to "1" by Vercel on its functions: its own forwarding headers and no LISTEN. */
  VERCEL: optionalString,
  PORT: port(3000),
  APP_URL: optionalUrl,
  // Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (lib/auth/client-address.ts).
  TRUSTED_PROXIES: proxyList,

  DATABASE_URL: optionalUrl,
  DATABASE_EMBEDDED: z.preprocess(emptyAsUnset, z.enum(["1", "0"]).default("0")),
  EMBEDDED_PG_PORT: port(54329),
  DATA_DIR: z.preprocess(emptyAsUnset, z.string().default(".data")),

  SESSION_SECRET: z.preprocess(emptyAsUnset, z.string().min(32, "must be at least 32 characters").optional()),
  ADMIN_EMAILS: emailList,
  // Enough to try one image, one edit and one short video (lib/settings/starting-grant-check.ts).
  STARTING_CREDITS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).default(100)),
  ENCRYPTION_SECRET: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^[A-Za-z0-9+/=_-]{43,}$/, "must be 32 random bytes, base64 (e.g. `openssl rand -base64 32`)")
      .refine(
        (value) => Buffer.from(value, "base64").length === 32,
        "must decode to exactly 32 bytes (AES-256)",
      )
      .optional(),
  ),

  NEXT_PUBLIC_SUPABASE_URL: optionalUrl,
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: optionalString,
  SUPABASE_SECRET_KEY: optionalString,
  SUPABASE_STORAGE_BUCKET: z.preprocess(emptyAsUnset, z.string().default("media")),

  RESEND_API_KEY: optionalString,
  SMTP_URL: smtpUrl,
  MAIL_FROM: z.preprocess(emptyAsUnset, z.string().default("Atelier <no-reply@atelier.local>")),

  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_BOT_USERNAME: optionalString,

  // Providers: a key makes that provider live; without one it talks to the local emulator.
  REPLICATE_API_TOKEN: optionalString,
  REPLICATE_BASE_URL: optionalUrl,
  REPLICATE_WEBHOOK_SECRET: optionalString,
  FAL_KEY: optionalString,
  FAL_QUEUE_URL: optionalUrl,
  FAL_JWKS_URL: optionalUrl,
  GEMINI_API_KEY: optionalString,
  GEMINI_BASE_URL: optionalUrl,
  EMULATOR_PORT: port(4010),
  MEDIA_HOST_ALLOWLIST: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .optional()
      .transform((value) =>
        value
          ? value
              .split(",")
              .map((host) => host.trim().toLowerCase())
              .filter(Boolean)
          : undefined,
      ),
  ),
  MAX_CONCURRENT_MEDIA: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(16).default(2)),
  // Largest reference image people may upload, in MB (lib/uploads/limits.ts). Supabase Free caps
  // every file at 50 MB; Pro lets the project raise its limit.
  UPLOAD_MAX_IMAGE_MB: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(500).default(10)),
  CRON_SECRET: z.preprocess(emptyAsUnset, z.string().min(16, "must be at least 16 characters").optional()),
  // Who runs background jobs: this server process (default), another process (PM2's worker
  // app), or each request after its response plus the cron route (default on Vercel).
  JOB_WORKER: z.preprocess(
    emptyAsUnset,
    z
      .enum(["in-process", "external", "on-request"])
      .default(process.env.VERCEL ? "on-request" : "in-process"),
  ),
  JOB_CONCURRENCY: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(32).default(8)),
  // Lets outbound webhook endpoints be private, loopback or link-local addresses, and plain http
  // in production (lib/outbound-webhooks/url-policy.ts). For development and tests only.
  OUTBOUND_WEBHOOKS_ALLOW_PRIVATE: z.preprocess(
    emptyAsUnset,
    z
      .enum(["true", "false", "1", "0"])
      .default("false")
      .transform((value) => value === "true" || value === "1"),
  ),
  RECONCILE_INTERVAL_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(5).default(30)),
});

export type Env = z.infer<typeof schema>;

export type ProviderMode = "live" | "emulator";

export type RuntimeMode = {
  database: "embedded" | "external";
  auth: "local" | "supabase";
  storage: "local" | "supabase";
  email: "resend" | "smtp" | "mailbox";
  providers: { replicate: ProviderMode; fal: ProviderMode; google: ProviderMode };
};

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example.`);
  }
  const env = result.data;
  const supabaseAuth = Boolean(env.NEXT_PUBLIC_SUPABASE_URL && env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY);
  if (Boolean(env.NEXT_PUBLIC_SUPABASE_URL) !== Boolean(env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY)) {
    throw new Error(
      "Invalid environment configuration:\n  - NEXT_PUBLIC_SUPABASE_URL and NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY must be set together.",
    );
  }
  if (supabaseAuth && !env.SUPABASE_SECRET_KEY) {
    throw new Error(
      "Invalid environment configuration:\n  - SUPABASE_SECRET_KEY is required when Supabase is configured.",
    );
  }
  return env;
}

function deriveMode(env: Env): RuntimeMode {
  const supabase = Boolean(env.NEXT_PUBLIC_SUPABASE_URL && env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY);
  return {
    database: env.DATABASE_EMBEDDED === "1" || !env.DATABASE_URL ? "embedded" : "external",
    auth: supabase ? "supabase" : "local",
    storage: supabase ? "supabase" : "local",
    email: env.RESEND_API_KEY ? "resend" : env.SMTP_URL ? "smtp" : "mailbox",
    providers: {
      replicate: env.REPLICATE_API_TOKEN ? "live" : "emulator",
      fal: env.FAL_KEY ? "live" : "emulator",
      google: env.GEMINI_API_KEY ? "live" : "emulator",
    },
  };
}

export const env: Env = parseEnv(process.env);
export const mode: RuntimeMode = deriveMode(env);

/** The connection string for server code; the dev/test scripts set it for the embedded server. */
export function databaseUrl(): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  return `postgres://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT}/atelier`;
}

/**
 * The public origin: webhook URLs, links in emails. `npm run dev` / `npm start` set it to
 * http://localhost:$PORT when unset; a bare server falls back to the same.
 */
export function appUrl(): string {
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}

/** Secret for session cookies, role cookies and signed file URLs. */
export function sessionSecret(): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  // Checked at first use rather than at load: `next build` loads this file without runtime secrets.
  // `npm run dev` and `npm start` generate a per-machine secret, so this only trips a bare deployment.
  if (env.NODE_ENV === "production")
    throw new Error("SESSION_SECRET is required in production (see .env.example).");
  return "atelier-development-secret-only-for-tests-and-tools";
}
