// API key material: unguessable, recognisable, stored only as a keyed hash.
import { describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, isWellFormedApiKey } from "@/lib/api-keys/secret";

describe("API keys", () => {
  it("are `atk_` and 32 random bytes, different every time", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^atk_[A-Za-z0-9_-]{43}$/);
    expect(a.key).not.toBe(b.key);
    expect(isWellFormedApiKey(a.key)).toBe(true);
  });

  it("show only a short prefix, and keep a hash that is not the key", () => {
    const { key, prefix, hash } = generateApiKey();
    expect(prefix).toBe(key.slice(0, 12));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(key.slice(4));
    expect(hashApiKey(key)).toBe(hash);
    expect(hashApiKey(`${key.slice(0, -1)}x`)).not.toBe(hash);
  });

  it.each([
    "",
    "atk_",
    "atk_short",
    `sk_${"a".repeat(43)}`,
    `atk_${"a".repeat(42)}!`,
    ` atk_${"a".repeat(43)}`,
  ])("refuses %j as not a key", (token) => expect(isWellFormedApiKey(token)).toBe(false));
});
