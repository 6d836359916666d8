import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { encryptionKey, open, SecretBoxError, seal } from "@/lib/crypto/secret-box";

const SECRET = randomBytes(32).toString("base64");
const OTHER = randomBytes(32).toString("base64");

describe("secret box (AES-256-GCM)", () => {
  it("round-trips a secret in the v1.<iv>.<tag>.<ciphertext> base64url format", () => {
    const sealed = seal("r8_live_abcdef123456", SECRET);
    const parts = sealed.split(".");
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe("v1");
    for (const part of parts.slice(1)) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(parts[1]!, "base64url")).toHaveLength(12);
    expect(Buffer.from(parts[2]!, "base64url")).toHaveLength(16);
    expect(open(sealed, SECRET)).toBe("r8_live_abcdef123456");
  });

  it("never shows the plaintext or its base64, and uses a fresh IV each time", () => {
    const plaintext = "fal-key-id:fal-key-secret-0123";
    const a = seal(plaintext, SECRET);
    const b = seal(plaintext, SECRET);
    expect(a).not.toBe(b);
    for (const sealed of [a, b]) {
      expect(sealed).not.toContain(plaintext);
      expect(sealed).not.toContain(Buffer.from(plaintext).toString("base64"));
      expect(sealed).not.toContain(Buffer.from(plaintext).toString("base64url"));
    }
  });

  it("accepts the key as base64url too", () => {
    const urlSafe = Buffer.from(SECRET, "base64").toString("base64url");
    expect(open(seal("x-secret", SECRET), urlSafe)).toBe("x-secret");
  });

  it("refuses another key, another context and any altered part", () => {
    const sealed = seal("r8_secret_value", SECRET, "provider_tokens:a");
    expect(() => open(sealed, OTHER, "provider_tokens:a")).toThrow(/another ENCRYPTION_SECRET/);
    expect(() => open(sealed, SECRET, "provider_tokens:b")).toThrow(SecretBoxError);
    const [v, iv, tag, ct] = sealed.split(".") as [string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString("base64url");
    };
    for (const altered of [
      [v, flip(iv), tag, ct],
      [v, iv, flip(tag), ct],
      [v, iv, tag, flip(ct)],
    ])
      expect(() => open(altered.join("."), SECRET, "provider_tokens:a")).toThrow(SecretBoxError);
  });

  it.each([
    ["plain text", "r8_not_sealed"],
    ["an unknown version", "v2.a.b.c"],
    ["too many parts", "v1.a.b.c.d"],
    [
      "a short IV",
      `v1.${Buffer.alloc(4).toString("base64url")}.${Buffer.alloc(16).toString("base64url")}.AA`,
    ],
  ])("refuses %s with a clear error", (_name, value) => {
    expect(() => open(value, SECRET)).toThrow(/Not a sealed secret/);
  });

  it.each([
    ["missing", undefined, /not set/],
    ["empty", "  ", /not set/],
    ["too short", randomBytes(16).toString("base64"), /decodes to 16 bytes/],
    ["too long", randomBytes(48).toString("base64"), /decodes to 48 bytes/],
    ["not base64", "this is not base64 at all, is it? no!!!!!!!!", /32 random bytes/],
  ])("explains a %s ENCRYPTION_SECRET", (_name, secret, message) => {
    expect(() => encryptionKey(secret)).toThrow(message);
    expect(() => seal("x", secret)).toThrow(/ENCRYPTION_SECRET/);
  });
});

describe("ENCRYPTION_SECRET at startup (lib/env)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  const load = async (value: string) => {
    vi.resetModules();
    vi.stubEnv("ENCRYPTION_SECRET", value);
    return import("@/lib/env");
  };

  it.each([
    ["not base64", "not-a-key!"],
    ["too short", randomBytes(16).toString("base64")],
    ["the wrong length", randomBytes(40).toString("base64")],
  ])("refuses a secret that is %s, naming the variable", async (_name, value) => {
    await expect(load(value)).rejects.toThrow(/Invalid environment configuration:[\s\S]*ENCRYPTION_SECRET/);
  });

  it.each([
    ["base64", randomBytes(32).toString("base64")],
    ["base64url", randomBytes(32).toString("base64url")],
    ["empty (unset)", ""],
  ])("accepts %s", async (_name, value) => {
    const { env } = await load(value);
    expect(env.ENCRYPTION_SECRET).toBe(value || undefined);
  });
});
