import { describe, expect, it } from "vitest";
import { ROLE_COOKIE_TTL_SECONDS } from "@/lib/auth/cookies";
import { readRoleCookie, signRoleCookie } from "@/lib/auth/role-cookie";

const SECRET = "role-cookie-test-secret-0123456789abcdef";
const ALICE = "6f1d2c4e-8a57-4d6b-9a0e-2f6f3b1c9d10";
const BOB = "0b7e4f8a-1c2d-4e5f-8a9b-c0d1e2f3a4b5";
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe("role cookie", () => {
  it("round-trips the role for the user it was signed for", () => {
    for (const role of ["user", "admin", "super_admin"] as const)
      expect(readRoleCookie(SECRET, signRoleCookie(SECRET, ALICE, role, NOW), ALICE, NOW)).toBe(role);
  });

  it("is bound to the user id: another user's valid cookie is ignored", () => {
    expect(readRoleCookie(SECRET, signRoleCookie(SECRET, BOB, "admin", NOW), ALICE, NOW)).toBeNull();
  });

  it("expires after the TTL", () => {
    const cookie = signRoleCookie(SECRET, ALICE, "admin", NOW);
    expect(readRoleCookie(SECRET, cookie, ALICE, NOW + (ROLE_COOKIE_TTL_SECONDS - 1) * 1000)).toBe("admin");
    expect(readRoleCookie(SECRET, cookie, ALICE, NOW + ROLE_COOKIE_TTL_SECONDS * 1000)).toBeNull();
  });

  it("ignores tampering with any part", () => {
    const cookie = signRoleCookie(SECRET, ALICE, "user", NOW);
    const [id, , expires, signature] = cookie.split(".");
    const forged = [
      `${id}.admin.${expires}.${signature}`, // role raised, old signature
      `${id}.user.${Number(expires) + 3600}.${signature}`, // lifetime extended
      `${id}.user.${expires}.${signature?.slice(0, -2)}`, // truncated signature
      `${id}.user.${expires}`, // no signature
      `${cookie}.extra`,
      signRoleCookie("another-secret-0123456789abcdef0123", ALICE, "admin", NOW), // wrong key
      "",
      "garbage",
    ];
    for (const value of forged) expect(readRoleCookie(SECRET, value, ALICE, NOW)).toBeNull();
    expect(readRoleCookie(SECRET, undefined, ALICE, NOW)).toBeNull();
  });

  it("rejects a validly signed value whose role is unknown", () => {
    // A payload the signer would never produce: checked after the signature, so it cannot be trusted blindly.
    const cookie = signRoleCookie(SECRET, ALICE, "owner" as never, NOW);
    expect(readRoleCookie(SECRET, cookie, ALICE, NOW)).toBeNull();
  });
});
