// The list's kept item JSON (lib/generations/item-json-cache.ts): an entry answers only for the
// row version it was built from and only within its hour (the signed URLs inside it), and the
// number kept stays bounded however many rows go through.
import { describe, expect, it } from "vitest";
import { cachedItemJson, cacheItemJson } from "@/lib/generations/item-json-cache";

const bytes = (json: string) => new TextEncoder().encode(json);
const text = (json: Uint8Array | undefined) => (json ? new TextDecoder().decode(json) : undefined);

describe("kept item JSON", () => {
  it("answers for the version it was built from and no other", () => {
    cacheItemJson("a", "100", 1, bytes('{"id":"a","starred":false}'));
    expect(text(cachedItemJson("a", "100", 1))).toBe('{"id":"a","starred":false}');
    expect(cachedItemJson("a", "101", 1)).toBeUndefined();
    cacheItemJson("a", "101", 1, bytes('{"id":"a","starred":true}'));
    expect(text(cachedItemJson("a", "101", 1))).toBe('{"id":"a","starred":true}');
    expect(cachedItemJson("a", "100", 1)).toBeUndefined();
  });

  it("forgets everything when the hour of its signed URLs turns", () => {
    cacheItemJson("b", "7", 1, bytes('{"id":"b"}'));
    expect(cachedItemJson("b", "7", 2)).toBeUndefined();
    expect(cachedItemJson("b", "7", 1)).toBeUndefined();
  });

  it("keeps at most 10,000 items, dropping the oldest first", () => {
    for (let i = 0; i < 10_050; i++) cacheItemJson(`row-${i}`, "1", 3, bytes(`{"n":${i}}`));
    expect(cachedItemJson("row-0", "1", 3)).toBeUndefined();
    expect(cachedItemJson("row-49", "1", 3)).toBeUndefined();
    expect(text(cachedItemJson("row-50", "1", 3))).toBe('{"n":50}');
    expect(text(cachedItemJson("row-10049", "1", 3))).toBe('{"n":10049}');
  });
});
