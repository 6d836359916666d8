// Which reference URLs are our own files, per storage mode. The env is read once per module
// load, so each mode loads the modules afresh with its own variables.
import { afterEach, describe, expect, it, vi } from "vitest";
import { signFileUrl } from "@/lib/storage/signed-url";

const SECRET = "reference-url-test-secret-0123456789abcdef";
const APP_URL = "http://127.0.0.1:3999";
const PATH = "users/u1/uploads/a.png";

async function load(env: Record<string, string>) {
  vi.resetModules();
  vi.stubEnv("SESSION_SECRET", SECRET);
  vi.stubEnv("APP_URL", APP_URL);
  vi.stubEnv("NEXT_PUBLIC_SUPABASE_URL", "");
  vi.stubEnv("NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY", "");
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return import("@/lib/providers/reference-url");
}
afterEach(() => {
  vi.unstubAllEnvs();
});

const now = () => Math.floor(Date.now() / 1000);
const signed = (options: { expiresAt?: number; secret?: string; baseUrl?: string } = {}) =>
  signFileUrl({
    secret: options.secret ?? SECRET,
    objectPath: PATH,
    expiresAt: options.expiresAt ?? now() + 600,
    baseUrl: options.baseUrl ?? APP_URL,
  });

describe("local storage", () => {
  it("reads a signed link of ours from storage, even though our origin is loopback", async () => {
    const { referenceTarget, referenceUrlProblem } = await load({});
    expect(referenceTarget(signed())).toEqual({ kind: "local-object", objectPath: PATH });
    expect(referenceUrlProblem(signed())).toBeNull();
  });

  it.each([
    ["a forged signature", () => signed({ secret: "another-secret-another-secret-0123456789" }), /not valid/],
    ["an expired link", () => signed({ expiresAt: now() - 1 }), /expired/],
    ["a link without a signature", () => `${APP_URL}/api/files/${PATH}`, /not valid/],
    ["an encoded path", () => `${APP_URL}/api/files/users%2Fu1/a.png?exp=1&sig=x`, /not a valid file link/],
  ])("refuses %s before charging", async (_name, url, message) => {
    const { referenceUrlProblem } = await load({});
    expect(referenceUrlProblem(url())).toMatch(message);
  });

  it("treats a file link on another origin as someone else's URL", async () => {
    const { referenceTarget, referenceUrlProblem } = await load({});
    expect(referenceTarget(signed({ baseUrl: "https://elsewhere.example" }))).toEqual({ kind: "remote" });
    // …and one on a private address is refused like any other.
    expect(referenceUrlProblem(signed({ baseUrl: "http://10.0.0.7" }))).toMatch(/public address/);
  });
});

describe("Supabase storage", () => {
  const SUPABASE = "https://abc.supabase.co";
  const supabaseEnv = {
    NEXT_PUBLIC_SUPABASE_URL: SUPABASE,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_x",
    SUPABASE_SECRET_KEY: "sb_secret_x",
    SUPABASE_STORAGE_BUCKET: "media",
  };

  it("fetches the project's signed links from the project only; /api/files links are not ours", async () => {
    const { referenceTarget } = await load(supabaseEnv);
    expect(referenceTarget(`${SUPABASE}/storage/v1/object/sign/media/${PATH}?token=t`)).toEqual({
      kind: "supabase-object",
      host: "abc.supabase.co",
    });
    expect(referenceTarget(`${SUPABASE}/storage/v1/object/sign/other/${PATH}?token=t`)).toEqual({
      kind: "remote",
    });
    expect(referenceTarget(`https://evil.example/storage/v1/object/sign/media/${PATH}?token=t`)).toEqual({
      kind: "remote",
    });
    expect(referenceTarget(signed())).toEqual({ kind: "remote" });
  });
});
