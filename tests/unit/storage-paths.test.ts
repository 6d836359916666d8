import { describe, expect, it } from "vitest";
import { parseByteRange } from "@/lib/storage/local";
import {
  assertContentTypeMatches,
  assertObjectPath,
  contentTypeFor,
  InvalidObjectPathError,
  isValidObjectPath,
  MAX_OBJECT_PATH_LENGTH,
  MAX_SEGMENT_LENGTH,
} from "@/lib/storage/paths";
import { fileSignature, signFileUrl, verifyFileSignature } from "@/lib/storage/signed-url";

describe("object path validation", () => {
  const valid = [
    "a.png",
    "user-1/gen_2/0.png",
    "u/thumbs/IMG.final.v2.webp",
    "-dash/_under/x",
    "a".repeat(MAX_SEGMENT_LENGTH),
    Array.from({ length: 16 }, () => "d").join("/"),
  ];
  const invalid: [string, unknown][] = [
    ["empty", ""],
    ["not a string", 42],
    ["null", null],
    ["leading slash (absolute)", "/etc/passwd"],
    ["trailing slash", "a/"],
    ["empty segment", "a//b.png"],
    ["dot segment", "a/./b.png"],
    ["dot-dot segment", "a/../b.png"],
    ["only dot-dot", ".."],
    ["leading dot-dot", "../secret"],
    ["hidden file", "a/.env"],
    ["temp file name", "a/.tmp-123"],
    ["backslash", "a\\b.png"],
    ["backslash traversal", "..\\secret"],
    ["NUL", "a\0.png"],
    ["percent-encoding", "a%2Fb.png"],
    ["space", "a b.png"],
    ["colon", "c:/x.png"],
    ["unicode", "café.png"],
    ["newline", "a\n.png"],
    ["query", "a.png?x=1"],
    ["segment too long", "a".repeat(MAX_SEGMENT_LENGTH + 1)],
    ["path too long", Array.from({ length: 4 }, () => "a".repeat(MAX_SEGMENT_LENGTH)).join("/")],
    ["too many segments", Array.from({ length: 17 }, () => "d").join("/")],
  ];

  it.each(valid)("accepts %j", (value) => {
    expect(isValidObjectPath(value)).toBe(true);
    expect(assertObjectPath(value)).toBe(value);
  });

  it("caps the whole path, not only segments", () => {
    expect(Array.from({ length: 4 }, () => "a".repeat(MAX_SEGMENT_LENGTH)).join("/").length).toBeGreaterThan(
      MAX_OBJECT_PATH_LENGTH,
    );
  });

  it.each(invalid)("rejects %s", (_name, value) => {
    expect(isValidObjectPath(value)).toBe(false);
    expect(() => assertObjectPath(value)).toThrow(InvalidObjectPathError);
  });
});

describe("content types", () => {
  it.each([
    ["a/b.png", "image/png"],
    ["a/b.JPG", "image/jpeg"],
    ["a/b.jpeg", "image/jpeg"],
    ["a/b.webp", "image/webp"],
    ["a/b.gif", "image/gif"],
    ["a/b.mp4", "video/mp4"],
    ["a/b.webm", "video/webm"],
    ["a/b.json", "application/json"],
    ["a/b.html", "application/octet-stream"],
    ["a/b.svg", "application/octet-stream"],
    ["a/noext", "application/octet-stream"],
  ])("%s is served as %s", (objectPath, type) => {
    expect(contentTypeFor(objectPath)).toBe(type);
  });

  it("refuses a put whose content type disagrees with the extension", () => {
    expect(() => assertContentTypeMatches("a.png", "image/png")).not.toThrow();
    expect(() => assertContentTypeMatches("a.json", "application/json; charset=utf-8")).not.toThrow();
    expect(() => assertContentTypeMatches("a.jpg", "IMAGE/JPEG")).not.toThrow();
    expect(() => assertContentTypeMatches("a.bin", "text/html")).not.toThrow();
    expect(() => assertContentTypeMatches("a.png", "image/jpeg")).toThrow(InvalidObjectPathError);
    expect(() => assertContentTypeMatches("a.png", "text/html")).toThrow(InvalidObjectPathError);
  });
});

describe("signed file URLs", () => {
  const secret = "unit-secret-0123456789abcdef0123456789abcdef";
  const now = 1_800_000_000;

  it("signs HMAC-SHA256 over files:<path>:<exp> in base64url", async () => {
    const { createHmac } = await import("node:crypto");
    const expected = createHmac("sha256", secret).update("files:u/a.png:1800000060").digest("base64url");
    expect(fileSignature(secret, "u/a.png", 1_800_000_060)).toBe(expected);
    expect(signFileUrl({ secret, objectPath: "u/a.png", expiresAt: 1_800_000_060 })).toBe(
      `/api/files/u/a.png?exp=1800000060&sig=${expected}`,
    );
    expect(
      signFileUrl({ secret, objectPath: "u/a.png", expiresAt: 1_800_000_060, baseUrl: "https://x.test/" }),
    ).toBe(`https://x.test/api/files/u/a.png?exp=1800000060&sig=${expected}`);
  });

  it("refuses to sign an invalid path", () => {
    expect(() => signFileUrl({ secret, objectPath: "../secret", expiresAt: now })).toThrow();
  });

  it("verifies the right path and expiry, and nothing else", () => {
    const exp = String(now + 60);
    const sig = fileSignature(secret, "u/a.png", now + 60);
    const check = (objectPath: string, e: string | null, s: string | null, at = now) =>
      verifyFileSignature({ secret, objectPath, exp: e, sig: s, now: at });
    expect(check("u/a.png", exp, sig)).toEqual({ ok: true, expiresAt: now + 60 });
    expect(check("u/a.png", null, sig)).toEqual({ ok: false, reason: "missing" });
    expect(check("u/a.png", exp, null)).toEqual({ ok: false, reason: "missing" });
    expect(check("u/b.png", exp, sig)).toEqual({ ok: false, reason: "invalid" });
    expect(check("u/a.png", String(now + 61), sig)).toEqual({ ok: false, reason: "invalid" });
    expect(check("u/a.png", exp, `${sig}A`)).toEqual({ ok: false, reason: "invalid" });
    expect(check("u/a.png", exp, sig.slice(1))).toEqual({ ok: false, reason: "invalid" });
    expect(check("u/a.png", "-1", sig)).toEqual({ ok: false, reason: "invalid" });
    expect(check("u/a.png", "1e12", sig)).toEqual({ ok: false, reason: "invalid" });
    expect(check("u/a.png", exp, sig, now + 60)).toEqual({ ok: false, reason: "expired" });
    const other = fileSignature("another-secret-0123456789abcdef0123456789", "u/a.png", now + 60);
    expect(check("u/a.png", exp, other)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("Range header parsing", () => {
  it.each([
    [null, 100, null],
    ["bytes=0-9", 100, { start: 0, end: 9 }],
    ["bytes=10-", 100, { start: 10, end: 99 }],
    ["bytes=-10", 100, { start: 90, end: 99 }],
    ["bytes=-1000", 100, { start: 0, end: 99 }],
    ["bytes=90-1000", 100, { start: 90, end: 99 }],
    ["bytes=99-99", 100, { start: 99, end: 99 }],
    ["BYTES = 1 - 2", 100, { start: 1, end: 2 }],
    ["bytes=100-", 100, "unsatisfiable"],
    ["bytes=100-200", 100, "unsatisfiable"],
    ["bytes=-0", 100, "unsatisfiable"],
    ["bytes=0-", 0, "unsatisfiable"],
    ["bytes=-5", 0, "unsatisfiable"],
    ["bytes=5-2", 100, null],
    ["bytes=0-1,5-6", 100, null],
    ["bytes=-", 100, null],
    ["items=0-1", 100, null],
    ["bytes=a-b", 100, null],
  ])("%j of %i bytes -> %j", (header, size, expected) => {
    expect(parseByteRange(header, size)).toEqual(expected);
  });
});
