import { describe, expect, it } from "vitest";
import {
  signTelegramFields,
  TELEGRAM_MAX_AGE_SECONDS,
  telegramDataCheckString,
  verifyTelegramLogin,
} from "@/lib/auth/telegram";

// Hand-computed with openssl, independently of the code under test:
//   KEY=$(printf '%s' "$BOT_TOKEN" | openssl dgst -sha256 -binary | xxd -p -c 64)
//   printf 'auth_date=1700000000\nfirst_name=Ada\nid=42\nlast_name=Lovelace\nphoto_url=…\nusername=ada' \
//     | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY
const BOT_TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";
const NOW = 1_700_000_100;
const widget = {
  id: "42",
  first_name: "Ada",
  last_name: "Lovelace",
  username: "ada",
  photo_url: "https://t.me/i/userpic/320/ada.jpg",
  auth_date: "1700000000",
};
const EXPECTED_HASH = "da58f78a8dc8f30520826c540fa73f1994dd7725df9338b29c37893005c56a15";
const signed = { ...widget, hash: EXPECTED_HASH };

describe("Telegram login widget data-check-string and hash", () => {
  it("sorts every field except hash by key and joins key=value lines with \\n", () => {
    expect(telegramDataCheckString(signed)).toBe(
      [
        "auth_date=1700000000",
        "first_name=Ada",
        "id=42",
        "last_name=Lovelace",
        "photo_url=https://t.me/i/userpic/320/ada.jpg",
        "username=ada",
      ].join("\n"),
    );
  });

  it("computes hex HMAC-SHA256 keyed with SHA-256(bot token), matching the hand-computed vector", () => {
    expect(signTelegramFields(widget, BOT_TOKEN)).toBe(EXPECTED_HASH);
    expect(signTelegramFields(signed, BOT_TOKEN)).toBe(EXPECTED_HASH);
  });
});

describe("verifyTelegramLogin", () => {
  it("accepts the signed widget payload and maps the identity", () => {
    expect(verifyTelegramLogin(signed, BOT_TOKEN, NOW)).toEqual({
      ok: true,
      identity: {
        id: "42",
        username: "ada",
        displayName: "Ada Lovelace",
        photoUrl: "https://t.me/i/userpic/320/ada.jpg",
        authDate: 1_700_000_000,
      },
    });
  });

  it("accepts numbers where the widget's JS callback gives numbers", () => {
    const result = verifyTelegramLogin({ ...signed, id: 42, auth_date: 1_700_000_000 }, BOT_TOKEN, NOW);
    expect(result.ok).toBe(true);
  });

  it.each([
    ["a changed field", { ...signed, username: "eve" }],
    ["an added field", { ...signed, is_admin: "true" }],
    ["a removed field", { ...signed, photo_url: undefined }],
    ["another bot's token", signed, "654321:other"],
    ["a hash of the right length but wrong value", { ...signed, hash: "0".repeat(64) }],
    ["a hash of the wrong length", { ...signed, hash: EXPECTED_HASH.slice(0, 63) }],
    ["an upper-case hash", { ...signed, hash: EXPECTED_HASH.toUpperCase() }],
    ["no hash", { ...widget }],
    ["a non-numeric id", { ...signed, id: "abc" }],
    ["an object value", { ...signed, first_name: { nested: true } }],
  ])("rejects %s", (_label, payload, token = BOT_TOKEN) => {
    expect(verifyTelegramLogin(payload as Record<string, unknown>, token, NOW).ok).toBe(false);
  });

  it("rejects a signed id too large to be a Telegram id (it would overflow the bigint column)", () => {
    const huge = { ...widget, id: "9223372036854775808" };
    expect(
      verifyTelegramLogin({ ...huge, hash: signTelegramFields(huge, BOT_TOKEN) }, BOT_TOKEN, NOW),
    ).toEqual({
      ok: false,
      reason: "id out of range",
    });
    const largest = { ...widget, id: "9223372036854775807" };
    expect(
      verifyTelegramLogin({ ...largest, hash: signTelegramFields(largest, BOT_TOKEN) }, BOT_TOKEN, NOW).ok,
    ).toBe(true);
  });

  it("rejects an auth_date older than 24 hours and one from the future, even when signed", () => {
    const old = { ...widget, auth_date: String(NOW - TELEGRAM_MAX_AGE_SECONDS - 1) };
    expect(verifyTelegramLogin({ ...old, hash: signTelegramFields(old, BOT_TOKEN) }, BOT_TOKEN, NOW)).toEqual(
      {
        ok: false,
        reason: "auth_date is too old",
      },
    );
    const edge = { ...widget, auth_date: String(NOW - TELEGRAM_MAX_AGE_SECONDS) };
    expect(
      verifyTelegramLogin({ ...edge, hash: signTelegramFields(edge, BOT_TOKEN) }, BOT_TOKEN, NOW).ok,
    ).toBe(true);
    const future = { ...widget, auth_date: String(NOW + 3600) };
    expect(
      verifyTelegramLogin({ ...future, hash: signTelegramFields(future, BOT_TOKEN) }, BOT_TOKEN, NOW).ok,
    ).toBe(false);
  });
});
